package org.netweave.model;

/** A hypervisor (an ESXi host or compute node). */
public record HostId(String value) implements Comparable<HostId> {
    public HostId {
        Ids.require("hostId", value);
    }

    public static HostId of(String value) {
        return new HostId(value);
    }

    @Override
    public int compareTo(HostId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
