package org.netweave.manager.jobs;

import java.util.List;

/** A kind of job and its steps, in order. Step 1 may be done already when the job is created. */
public interface JobKind {
    String name();

    List<JobStep> steps();
}
