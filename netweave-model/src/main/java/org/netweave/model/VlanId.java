package org.netweave.model;

/**
 * An 802.1Q VLAN id of a physical segment. 0 (priority tag only) and 4095 (reserved) are not
 * VLANs a bridge or LIF can attach to; NSX refuses VLAN 0 port groups for the same reason.
 */
public record VlanId(int value) implements Comparable<VlanId> {
    public static final int MIN = 1;
    public static final int MAX = 4094;

    public VlanId {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("vlanId", value, "is outside " + MIN + "-" + MAX);
        }
    }

    public static VlanId of(int value) {
        return new VlanId(value);
    }

    @Override
    public int compareTo(VlanId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
