package org.netweave.manager.dlr;

import java.time.Clock;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.jobs.JobRunner;
import org.netweave.manager.jobs.JobStore;
import org.netweave.model.DlrId;
import org.netweave.model.JobId;

/** {@link DlrLifecycle} by jobs: the deployment and undeployment workflows of this package. */
public final class JobDlrLifecycle implements DlrLifecycle {
    private final JobRunner jobs;
    private final Clock clock;

    public JobDlrLifecycle(JobRunner jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public JobId deploy(Handle handle, long generation, DlrId dlr) {
        jobs.wake();
        return JobStore.insert(handle, generation, clock.instant(), DlrDeployment.KIND, dlr.value(),
                DlrDeployment.STEPS, 1, "the API validated and stored " + dlr);
    }

    @Override
    public JobId undeploy(Handle handle, long generation, DlrId dlr) {
        handle.createUpdate("UPDATE dlr SET state = 'DELETING', generation = :g WHERE id = :id")
                .bind("g", generation).bind("id", dlr.value()).execute();
        jobs.wake();
        return JobStore.insert(handle, generation, clock.instant(), DlrUndeployment.KIND, dlr.value(),
                DlrUndeployment.STEPS, 1, "delete " + dlr);
    }
}
