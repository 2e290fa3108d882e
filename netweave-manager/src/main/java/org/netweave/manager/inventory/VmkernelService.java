package org.netweave.manager.inventory;

/**
 * The traffic an ESXi VMkernel port carries. The first four are the services an operator ticks on a
 * VMkernel adapter; VTEP is added by host preparation for the VXLAN traffic of logical switches.
 */
public enum VmkernelService {
    /** vSphere HA heartbeats and the management connection; a host needs one port with it. */
    MANAGEMENT,
    /** Live migration of running VMs between hosts; both hosts of a vMotion need it. */
    VMOTION,
    FAULT_TOLERANCE,
    /** iSCSI and NFS storage. */
    IP_STORAGE,
    /** The VXLAN tunnel end point; only host preparation creates a port with it. */
    VTEP;

    /** Whether this is traffic an operator assigns (everything but the VTEP that preparation owns). */
    public boolean isOperatorTraffic() {
        return this != VTEP;
    }
}
