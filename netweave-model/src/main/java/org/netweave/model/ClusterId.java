package org.netweave.model;

/** A compute cluster of the inventory (vCenter's domain-cN): the unit a transport zone spans. */
public record ClusterId(String value) implements Comparable<ClusterId> {
    public ClusterId {
        Ids.require("clusterId", value);
    }

    public static ClusterId of(String value) {
        return new ClusterId(value);
    }

    @Override
    public int compareTo(ClusterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
