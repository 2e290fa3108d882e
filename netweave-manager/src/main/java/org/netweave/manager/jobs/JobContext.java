package org.netweave.manager.jobs;

import java.util.function.Consumer;

import org.netweave.model.JobId;

/** What a running step knows: its job and the object the job works on; it may report progress. */
public record JobContext(JobId job, String subjectId, Consumer<String> progress) {
    /** Replaces the running step's detail line, for long waits ("3 of 4 hosts applied"). */
    public void progress(String detail) {
        progress.accept(detail);
    }
}
