package org.netweave.model;

/** A distributed logical router (NSX edge of type distributedRouter, Neutron distributed router). */
public record DlrId(String value) implements Comparable<DlrId> {
    public DlrId {
        Ids.require("dlrId", value);
    }

    public static DlrId of(String value) {
        return new DlrId(value);
    }

    @Override
    public int compareTo(DlrId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
