package org.netweave.manager.jobs;

/** A job's life: QUEUED → RUNNING → SUCCEEDED, or RUNNING → ROLLING_BACK → FAILED. */
public enum JobState {
    QUEUED,
    RUNNING,
    ROLLING_BACK,
    SUCCEEDED,
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
