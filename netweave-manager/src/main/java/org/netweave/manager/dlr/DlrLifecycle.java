package org.netweave.manager.dlr;

import org.jdbi.v3.core.Handle;
import org.netweave.model.DlrId;
import org.netweave.model.JobId;

/**
 * Starts the jobs that bring a DLR up (seed 000's deployment workflow) and take it down. The API
 * calls it inside the same write that stored the DLR's desired rows, so the job exists exactly
 * when the DLR does; the job begins running once that write has committed.
 */
public interface DlrLifecycle {
    /** The DLR's rows are written with state DEPLOYING; returns the deployment job. */
    JobId deploy(Handle handle, long generation, DlrId dlr);

    /** Returns the job that removes the DLR from the hosts, controllers and compute inventory, then deletes it. */
    JobId undeploy(Handle handle, long generation, DlrId dlr);
}
