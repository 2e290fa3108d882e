package org.netweave.model;

/** A port on a host's virtual switch, such as a VM's vNIC. */
public record PortId(String value) implements Comparable<PortId> {
    public PortId {
        Ids.require("portId", value);
    }

    public static PortId of(String value) {
        return new PortId(value);
    }

    @Override
    public int compareTo(PortId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
