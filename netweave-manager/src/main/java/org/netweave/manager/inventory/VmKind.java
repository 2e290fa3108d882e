package org.netweave.manager.inventory;

/** What a VM is for: a tenant workload, or the control VM ("appliance") of a DLR. */
public enum VmKind {
    WORKLOAD,
    CONTROL_VM
}
