package org.netweave.model;

/**
 * An IPv4 address held in an {@code int} (network order: the first octet is the most
 * significant byte), so forwarding code works on primitives.
 */
public record Ipv4Address(int value) implements Comparable<Ipv4Address> {
    public static final Ipv4Address ANY = new Ipv4Address(0);

    public static Ipv4Address of(int value) {
        return new Ipv4Address(value);
    }

    /** Parses a dotted quad; the field name is used in the error. */
    public static Ipv4Address parse(String field, String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            throw new InvalidValueException(field, text, "is not an IPv4 address (expected a.b.c.d)");
        }
        int value = 0;
        int octets = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                int len = i - start;
                if (len < 1 || len > 3 || octets == 4) {
                    throw new InvalidValueException(field, text, "is not an IPv4 address (expected a.b.c.d)");
                }
                int octet = 0;
                for (int j = start; j < i; j++) {
                    int d = text.charAt(j) - '0';
                    if (d < 0 || d > 9) {
                        throw new InvalidValueException(field, text, "is not an IPv4 address (expected a.b.c.d)");
                    }
                    octet = octet * 10 + d;
                }
                if (octet > 255 || (len > 1 && text.charAt(start) == '0')) {
                    throw new InvalidValueException(field, text, "is not an IPv4 address (octets are 0-255, no leading zeros)");
                }
                value = (value << 8) | octet;
                octets++;
                start = i + 1;
            }
        }
        if (octets != 4) {
            throw new InvalidValueException(field, text, "is not an IPv4 address (expected a.b.c.d)");
        }
        return new Ipv4Address(value);
    }

    public static Ipv4Address parse(String text) {
        return parse("ip", text);
    }

    public static Ipv4Address fromBytes(byte[] b) {
        if (b.length != 4) {
            throw new InvalidValueException("ip", b.length + " bytes", "is not an IPv4 address (4 bytes)");
        }
        return new Ipv4Address(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    public boolean isMulticast() {
        return (value >>> 28) == 0xE;
    }

    public boolean isLoopback() {
        return (value >>> 24) == 127;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return toString(value);
    }

    public static String toString(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }
}
