package org.netweave.manager.neutron;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/** Request texts into model values, a refusal being Neutron's 400 naming the attribute. Pure. */
final class NeutronValues {
    private NeutronValues() {
    }

    static Ipv4Address ipv4(String attribute, String text) {
        try {
            return Ipv4Address.parse(attribute, text);
        } catch (InvalidValueException e) {
            throw NeutronException.invalid(attribute, "'" + text + "' is not a valid IPv4 address");
        }
    }

    static Ipv4Prefix cidr(String attribute, String text) {
        try {
            return Ipv4Prefix.parse(attribute, text);
        } catch (InvalidValueException e) {
            throw NeutronException.invalid(attribute, "'" + text + "' is not a valid IPv4 CIDR: " + e.getMessage());
        }
    }

    static MacAddress mac(String attribute, String text) {
        try {
            MacAddress mac = MacAddress.parse(attribute, text);
            if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
                throw NeutronException.invalid(attribute, "'" + text + "' is not a valid unicast MAC address");
            }
            return mac;
        } catch (InvalidValueException e) {
            throw NeutronException.invalid(attribute, "'" + text + "' is not a valid MAC address");
        }
    }

    /** The first and last address of a prefix as unsigned ints, for address arithmetic. */
    static long first(Ipv4Prefix prefix) {
        return Integer.toUnsignedLong(prefix.address().value());
    }

    static long last(Ipv4Prefix prefix) {
        return first(prefix) + (1L << (32 - prefix.length())) - 1;
    }

    static Ipv4Address address(long unsigned) {
        return Ipv4Address.of((int) unsigned);
    }
}
