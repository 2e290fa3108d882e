package org.netweave.model;

/** A logical interface of a DLR, unique within its DLR. */
public record LifId(String value) implements Comparable<LifId> {
    public LifId {
        Ids.require("lifId", value);
    }

    public static LifId of(String value) {
        return new LifId(value);
    }

    @Override
    public int compareTo(LifId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
