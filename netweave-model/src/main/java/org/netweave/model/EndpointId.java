package org.netweave.model;

/** An emulated VM or physical server that owns an IP stack. */
public record EndpointId(String value) implements Comparable<EndpointId> {
    public EndpointId {
        Ids.require("endpointId", value);
    }

    public static EndpointId of(String value) {
        return new EndpointId(value);
    }

    @Override
    public int compareTo(EndpointId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
