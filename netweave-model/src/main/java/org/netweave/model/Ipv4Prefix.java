package org.netweave.model;

/**
 * An IPv4 network: an address with all host bits zero and a prefix length 0–32, written
 * {@code 10.0.1.0/24}. A prefix with host bits set is rejected rather than silently masked,
 * because it usually means the user typed an interface address where a network was meant.
 */
public record Ipv4Prefix(Ipv4Address address, int length) implements Comparable<Ipv4Prefix> {
    public static final Ipv4Prefix DEFAULT_ROUTE = new Ipv4Prefix(Ipv4Address.ANY, 0);

    public Ipv4Prefix {
        if (address == null) {
            throw new InvalidValueException("prefix", null, "has no address");
        }
        if (length < 0 || length > 32) {
            throw new InvalidValueException("prefixLength", length, "is outside 0-32");
        }
        if ((address.value() & ~mask(length)) != 0) {
            throw new InvalidValueException("prefix", address + "/" + length,
                    "has host bits set (did you mean " + Ipv4Address.toString(address.value() & mask(length)) + "/" + length + "?)");
        }
    }

    public static Ipv4Prefix parse(String field, String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new InvalidValueException(field, text, "is not an IPv4 prefix (expected a.b.c.d/len)");
        }
        Ipv4Address address = Ipv4Address.parse(field, text.substring(0, slash));
        int length = parseLength(field, text, text.substring(slash + 1));
        if ((address.value() & ~mask(length)) != 0) {
            throw new InvalidValueException(field, text,
                    "has host bits set (did you mean " + Ipv4Address.toString(address.value() & mask(length)) + "/" + length + "?)");
        }
        return new Ipv4Prefix(address, length);
    }

    public static Ipv4Prefix parse(String text) {
        return parse("prefix", text);
    }

    static int parseLength(String field, String whole, String text) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
            throw new InvalidValueException(field, whole, "has no valid prefix length (0-32)");
        }
        int length = Integer.parseInt(text);
        if (length > 32) {
            throw new InvalidValueException(field, whole, "has no valid prefix length (0-32)");
        }
        return length;
    }

    /** The netmask of a prefix length as an int; {@code mask(0) == 0}. */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public int mask() {
        return mask(length);
    }

    public boolean contains(Ipv4Address ip) {
        return contains(ip.value());
    }

    public boolean contains(int ip) {
        return (ip & mask(length)) == address.value();
    }

    /** Whether the two networks share at least one address (one contains the other). */
    public boolean overlaps(Ipv4Prefix other) {
        int shorter = Math.min(length, other.length);
        return ((address.value() ^ other.address.value()) & mask(shorter)) == 0;
    }

    @Override
    public int compareTo(Ipv4Prefix other) {
        int c = address.compareTo(other.address);
        return c != 0 ? c : Integer.compare(length, other.length);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
