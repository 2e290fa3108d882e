package org.netweave.manager.jobs;

import java.util.function.Consumer;

import org.netweave.model.JobId;

/**
 * What a running step knows: its job and the object the job works on; it may report progress.
 *
 * @param laterUndoFailed during a rollback: a step after this one could not be undone, so this
 *                        step should keep what would otherwise make the leftovers unreachable
 */
public record JobContext(JobId job, String subjectId, Consumer<String> progress, boolean laterUndoFailed) {
    /** Replaces the running step's detail line, for long waits ("3 of 4 hosts applied"). */
    public void progress(String detail) {
        progress.accept(detail);
    }
}
