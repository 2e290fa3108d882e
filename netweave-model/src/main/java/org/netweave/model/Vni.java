package org.netweave.model;

/**
 * A VXLAN network identifier of a logical switch.
 *
 * <p>The wire field is 24 bits wide; logical switches take their VNI from the segment pool,
 * which starts at 5000 as in NSX-V (lower values are kept for infrastructure use, NSX's
 * controller-disconnected-operation switch uses 4999). A {@code Vni} object therefore always
 * lies in 5000–16777215. Packet code works on the raw {@code int} and looks it up; an unknown
 * or out-of-range VNI on the wire is a counted drop, never an exception.
 */
public record Vni(int value) implements Comparable<Vni> {
    public static final int MIN = 5000;
    public static final int MAX = 0xFF_FFFF;

    public Vni {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("vni", value, "is outside the logical switch range " + MIN + "-" + MAX);
        }
    }

    public static Vni of(int value) {
        return new Vni(value);
    }

    /** Whether {@code raw} (for example a decoded wire field) is a valid logical switch VNI. */
    public static boolean isValid(int raw) {
        return raw >= MIN && raw <= MAX;
    }

    @Override
    public int compareTo(Vni other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
