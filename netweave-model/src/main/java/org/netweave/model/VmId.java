package org.netweave.model;

/** A virtual machine of the compute inventory (vCenter's vm-N), a workload or a DLR control VM. */
public record VmId(String value) implements Comparable<VmId> {
    public VmId {
        Ids.require("vmId", value);
    }

    public static VmId of(String value) {
        return new VmId(value);
    }

    @Override
    public int compareTo(VmId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
