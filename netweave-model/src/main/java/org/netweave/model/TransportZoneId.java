package org.netweave.model;

/** A transport zone (NSX vdnscope-N): the clusters a logical switch reaches. */
public record TransportZoneId(String value) implements Comparable<TransportZoneId> {
    public TransportZoneId {
        Ids.require("transportZoneId", value);
    }

    public static TransportZoneId of(String value) {
        return new TransportZoneId(value);
    }

    @Override
    public int compareTo(TransportZoneId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
