package org.netweave.model;

/**
 * An interface address with its subnet, written {@code 10.0.1.1/24}: a LIF's gateway address,
 * or an endpoint's address. Unlike {@link Ipv4Prefix}, host bits are the point; the network and
 * broadcast addresses of the subnet are refused for prefixes shorter than /31.
 */
public record Ipv4InterfaceAddress(Ipv4Address address, int prefixLength) {
    public Ipv4InterfaceAddress {
        if (address == null) {
            throw new InvalidValueException("ipAddress", null, "is missing");
        }
        if (prefixLength < 1 || prefixLength > 32) {
            throw new InvalidValueException("prefixLength", prefixLength, "is outside 1-32");
        }
        if (prefixLength < 31) {
            int host = address.value() & ~Ipv4Prefix.mask(prefixLength);
            if (host == 0 || host == ~Ipv4Prefix.mask(prefixLength)) {
                throw new InvalidValueException("ipAddress", address + "/" + prefixLength,
                        "is the network or broadcast address of its subnet");
            }
        }
    }

    public static Ipv4InterfaceAddress parse(String field, String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new InvalidValueException(field, text, "is not an interface address (expected a.b.c.d/len)");
        }
        Ipv4Address address = Ipv4Address.parse(field, text.substring(0, slash));
        int length = Ipv4Prefix.parseLength(field, text, text.substring(slash + 1));
        return new Ipv4InterfaceAddress(address, length);
    }

    public static Ipv4InterfaceAddress parse(String text) {
        return parse("ipAddress", text);
    }

    public Ipv4Prefix subnet() {
        return new Ipv4Prefix(Ipv4Address.of(address.value() & Ipv4Prefix.mask(prefixLength)), prefixLength);
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
