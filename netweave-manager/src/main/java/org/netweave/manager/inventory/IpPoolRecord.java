package org.netweave.manager.inventory;

import java.util.Optional;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;

/**
 * A range of addresses in one subnet that host preparation hands out to VTEP VMkernel ports.
 * The constructor refuses a range that leaves its subnet, runs backwards, includes the subnet's
 * network or broadcast address, or holds its own gateway, so every address it yields is usable.
 */
public record IpPoolRecord(IpPoolId id, String name, Ipv4Address start, Ipv4Address end, int prefixLength,
                           Optional<Ipv4Address> gateway, long generation) {
    public IpPoolRecord {
        Ipv4Prefix subnet = usable("start", start, prefixLength).subnet();
        if (!subnet.contains(end)) {
            throw new InvalidValueException("end", end.toString(), "is outside the subnet " + subnet + " of start");
        }
        usable("end", end, prefixLength);
        if (Integer.compareUnsigned(start.value(), end.value()) > 0) {
            throw new InvalidValueException("end", end.toString(), "comes before start " + start);
        }
        gateway.ifPresent(g -> {
            if (!subnet.contains(g)) {
                throw new InvalidValueException("gateway", g.toString(), "is outside the pool's subnet " + subnet);
            }
            if (contains(start, end, g)) {
                throw new InvalidValueException("gateway", g.toString(),
                        "lies inside the pool's range " + start + "-" + end + " and would be handed to a VTEP");
            }
        });
    }

    public Ipv4Prefix subnet() {
        return new Ipv4InterfaceAddress(start, prefixLength).subnet();
    }

    /** Number of addresses in the range. */
    public long size() {
        return Integer.toUnsignedLong(end.value()) - Integer.toUnsignedLong(start.value()) + 1;
    }

    public boolean contains(Ipv4Address address) {
        return contains(start, end, address);
    }

    /** The address as an interface address, with the model's refusal renamed to {@code field}. */
    private static Ipv4InterfaceAddress usable(String field, Ipv4Address address, int prefixLength) {
        try {
            return new Ipv4InterfaceAddress(address, prefixLength);
        } catch (InvalidValueException e) {
            if (e.field().equals("prefixLength")) {
                throw e;
            }
            throw new InvalidValueException(field, address + "/" + prefixLength, "is the network or broadcast address of its subnet");
        }
    }

    private static boolean contains(Ipv4Address start, Ipv4Address end, Ipv4Address address) {
        return Integer.compareUnsigned(address.value(), start.value()) >= 0
                && Integer.compareUnsigned(address.value(), end.value()) <= 0;
    }
}
