package org.netweave.manager.jobs;

/**
 * One named step of a job. A manager that dies during a step runs the step again when it starts,
 * so {@link #run} and {@link #rollback} must be idempotent: they look at what exists before they
 * create or delete it.
 */
public interface JobStep {
    String name();

    /** Does the step's work and returns a line for the job view saying what it found or did. */
    String run(JobContext context) throws Exception;

    /**
     * Undoes what {@link #run} created, after a later step failed (or this one, half-way). Returns a
     * line for the job view, or null when there was nothing to undo.
     */
    default String rollback(JobContext context) throws Exception {
        return null;
    }
}
