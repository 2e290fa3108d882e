package org.netweave.manager.network.router;

/**
 * The dlr row's state (V1 schema): its deployment job runs, it is up, its undeployment job runs, or
 * a job failed without rolling back; or it is a Neutron router's DLR, which is only stored.
 */
public enum DlrState {
    DEPLOYING,
    DEPLOYED,
    DELETING,
    FAILED,
    /**
     * Desired state only, made by the Neutron API: "creating a distributed router only stores it".
     * No deployment job and no control VM (Neutron's DVR has none: each host's L3 agent routes),
     * nothing on the hosts or the controllers; its LIFs and static routes are stored like any
     * DLR's. The Neutron API changes and deletes it; the native API only reads it.
     */
    STORED
}
