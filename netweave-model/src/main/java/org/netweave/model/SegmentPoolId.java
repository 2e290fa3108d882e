package org.netweave.model;

/** A segment pool: a range of VNIs the manager hands to new logical switches. */
public record SegmentPoolId(String value) implements Comparable<SegmentPoolId> {
    public SegmentPoolId {
        Ids.require("segmentPoolId", value);
    }

    public static SegmentPoolId of(String value) {
        return new SegmentPoolId(value);
    }

    @Override
    public int compareTo(SegmentPoolId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
