package org.netweave.manager.network.router;

/**
 * The dlr row's state (V1 schema): its deployment job runs, it is up, its undeployment job runs, or
 * a job failed without rolling back.
 */
public enum DlrState {
    DEPLOYING,
    DEPLOYED,
    DELETING,
    FAILED
}
