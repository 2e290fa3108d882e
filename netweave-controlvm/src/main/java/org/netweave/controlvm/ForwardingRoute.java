package org.netweave.controlvm;

import java.util.Comparator;
import java.util.Objects;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * One entry of the forwarding table the control VM sends to the DLR's controller: a prefix reached
 * through a next hop on a LIF, or directly connected on it. {@link Ipv4Address#ANY} as next hop
 * means connected, as on the wire (0), so no field is ever null.
 */
public record ForwardingRoute(Ipv4Prefix prefix, Ipv4Address nextHop, LifId lif) {
    /** The controller's order (prefix, next hop, LIF), so a table prints and compares the same everywhere. */
    public static final Comparator<ForwardingRoute> ORDER = Comparator.comparing(ForwardingRoute::prefix)
            .thenComparing(ForwardingRoute::nextHop).thenComparing(ForwardingRoute::lif);

    public ForwardingRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(lif, "lif");
    }

    public static ForwardingRoute connected(Ipv4Prefix prefix, LifId lif) {
        return new ForwardingRoute(prefix, Ipv4Address.ANY, lif);
    }

    public static ForwardingRoute via(Ipv4Prefix prefix, Ipv4Address nextHop, LifId lif) {
        return new ForwardingRoute(prefix, nextHop, lif);
    }

    public boolean isConnected() {
        return nextHop.equals(Ipv4Address.ANY);
    }

    /** {@code 192.168.10.0/24 via 10.0.1.254 on lif-1}, or {@code 10.0.1.0/24 connected on lif-1}. */
    @Override
    public String toString() {
        return prefix + (isConnected() ? " connected" : " via " + nextHop) + " on " + lif;
    }
}
