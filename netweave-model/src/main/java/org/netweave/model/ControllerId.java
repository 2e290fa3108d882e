package org.netweave.model;

/** A controller node of the control cluster, such as {@code controller-1}. */
public record ControllerId(String value) implements Comparable<ControllerId> {
    public ControllerId {
        Ids.require("controllerId", value);
    }

    public static ControllerId of(String value) {
        return new ControllerId(value);
    }

    @Override
    public int compareTo(ControllerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
