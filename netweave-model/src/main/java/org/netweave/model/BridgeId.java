package org.netweave.model;

/** An L2 bridge between one logical switch and one VLAN. */
public record BridgeId(String value) implements Comparable<BridgeId> {
    public BridgeId {
        Ids.require("bridgeId", value);
    }

    public static BridgeId of(String value) {
        return new BridgeId(value);
    }

    @Override
    public int compareTo(BridgeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
