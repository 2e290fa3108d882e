package org.netweave.manager.jobs;

/** A step's life: PENDING → RUNNING → DONE; a failure marks it FAILED; rollback marks undone steps ROLLED_BACK. */
public enum StepState {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    ROLLED_BACK
}
