package org.netweave.controlvm;

import java.util.Comparator;
import java.util.Objects;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * A configured route the control VM left out of the forwarding table, and why. A router installs
 * the routes it can resolve and skips the others; the control VM does the same and tells the
 * manager which ones it skipped, rather than refusing the whole configuration.
 *
 * @param nextHop {@link Ipv4Address#ANY} for a LIF's connected subnet
 * @param detail  the context of the reason in words, e.g. the route that won the prefix
 */
public record UnresolvedRoute(Ipv4Prefix prefix, Ipv4Address nextHop, Reason reason, String detail) {
    public static final Comparator<UnresolvedRoute> ORDER = Comparator.comparing(UnresolvedRoute::prefix)
            .thenComparing(UnresolvedRoute::nextHop).thenComparing(UnresolvedRoute::reason)
            .thenComparing(UnresolvedRoute::detail);

    /** Why a route is not in the forwarding table. */
    public enum Reason {
        /** 0.0.0.0 as a static route's next hop would read as "connected" on the wire. */
        NO_NEXT_HOP,
        /** The next hop is inside no LIF's subnet, so no LIF can reach it. */
        NEXT_HOP_OFF_LINK,
        /** The next hop is a LIF's own address: the DLR would forward to itself. */
        NEXT_HOP_IS_LIF_ADDRESS,
        /** The next hop is the network or broadcast address of its LIF's subnet, not a host. */
        NEXT_HOP_NOT_A_HOST,
        /** A LIF's subnet covers the prefix; a connected route (distance 0) always wins. */
        SHADOWED_BY_CONNECTED,
        /** Another route for the same prefix won: a lower admin distance, or the same distance and a lower next hop. */
        DUPLICATE_PREFIX
    }

    public UnresolvedRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * {@code 192.168.20.0/24 via 10.9.9.9: NEXT_HOP_OFF_LINK (on no LIF's subnet)}. Always "via",
     * even for 0.0.0.0: a static route configured without a next hop is not a connected route.
     */
    @Override
    public String toString() {
        return prefix + " via " + nextHop + ": " + reason + " (" + detail + ")";
    }
}
