package org.netweave.model;

import java.util.HexFormat;

/**
 * A 48-bit IEEE MAC address held in the low 48 bits of a {@code long}, so the data plane can
 * compare and hash it without objects. Text form is lower-case colon-separated.
 */
public record MacAddress(long value) implements Comparable<MacAddress> {
    public static final long MASK = 0xFFFF_FFFF_FFFFL;
    public static final MacAddress BROADCAST = new MacAddress(MASK);
    public static final MacAddress ZERO = new MacAddress(0);

    public MacAddress {
        if ((value & ~MASK) != 0) {
            throw new InvalidValueException("mac", Long.toHexString(value), "does not fit in 48 bits");
        }
    }

    public static MacAddress of(long value) {
        return new MacAddress(value);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (or with '-'); the field name is used in the error. */
    public static MacAddress parse(String field, String text) {
        if (text == null || text.length() != 17) {
            throw new InvalidValueException(field, text, "is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
        }
        long v = 0;
        for (int i = 0; i < 6; i++) {
            int p = i * 3;
            if (i < 5 && text.charAt(p + 2) != ':' && text.charAt(p + 2) != '-') {
                throw new InvalidValueException(field, text, "is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
            }
            int hi = Character.digit(text.charAt(p), 16);
            int lo = Character.digit(text.charAt(p + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new InvalidValueException(field, text, "is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
            }
            v = (v << 8) | (hi << 4) | lo;
        }
        return new MacAddress(v);
    }

    public static MacAddress parse(String text) {
        return parse("mac", text);
    }

    /** The group bit (I/G) of the first octet: broadcast and multicast destinations. */
    public boolean isMulticast() {
        return isMulticast(value);
    }

    public static boolean isMulticast(long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return value == MASK;
    }

    /** A locally administered unicast address (U/L bit set, I/G bit clear). */
    public boolean isLocallyAdministeredUnicast() {
        return (value & 0x0200_0000_0000L) != 0 && !isMulticast();
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (40 - 8 * i));
        }
        return b;
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(toBytes());
    }
}
