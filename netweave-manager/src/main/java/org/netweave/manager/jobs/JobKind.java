package org.netweave.manager.jobs;

import java.util.List;

/** A kind of job and its steps, in order. Step 1 may be done already when the job is created. */
public interface JobKind {
    String name();

    List<JobStep> steps();

    /** A kind whose steps are a fixed list. */
    static JobKind of(String name, List<JobStep> steps) {
        List<JobStep> fixed = List.copyOf(steps);
        return new JobKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<JobStep> steps() {
                return fixed;
            }
        };
    }
}
