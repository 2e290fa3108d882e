package org.netweave.model;

/** A datacenter of the compute inventory (vCenter's datacenter-N). */
public record DatacenterId(String value) implements Comparable<DatacenterId> {
    public DatacenterId {
        Ids.require("datacenterId", value);
    }

    public static DatacenterId of(String value) {
        return new DatacenterId(value);
    }

    @Override
    public int compareTo(DatacenterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
