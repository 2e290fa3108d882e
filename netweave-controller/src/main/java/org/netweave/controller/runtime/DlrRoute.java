package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * One forwarding-table entry of a DLR: a prefix reached through a next hop on a LIF, or directly
 * connected on it. {@link Ipv4Address#ANY} as next hop means connected, as on the wire (0) and in
 * the CLI's Next-Hop column (0.0.0.0), so no field is ever null.
 */
public record DlrRoute(Ipv4Prefix prefix, Ipv4Address nextHop, LifId lif) {
    static final Comparator<DlrRoute> ORDER = Comparator.comparing(DlrRoute::prefix)
            .thenComparing(DlrRoute::nextHop).thenComparing(DlrRoute::lif);

    public DlrRoute {
        Fields.present("prefix", prefix);
        Fields.present("nextHop", nextHop);
        Fields.present("lifId", lif);
    }

    public static DlrRoute connected(Ipv4Prefix prefix, LifId lif) {
        return new DlrRoute(prefix, Ipv4Address.ANY, lif);
    }

    public static DlrRoute via(Ipv4Prefix prefix, Ipv4Address nextHop, LifId lif) {
        return new DlrRoute(prefix, nextHop, lif);
    }

    public boolean isConnected() {
        return nextHop.equals(Ipv4Address.ANY);
    }

    /** How errors name the route: {@code 10.2.0.0/16 via 10.0.1.254 on lif-1}. */
    @Override
    public String toString() {
        return prefix + (isConnected() ? " connected" : " via " + nextHop) + " on " + lif;
    }
}
