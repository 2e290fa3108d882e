package org.netweave.manager.network.router;

/** The dlr row's state (V1 schema): its deployment job runs, it is up, or a job failed without rolling back. */
public enum DlrState {
    DEPLOYING,
    DEPLOYED,
    FAILED
}
