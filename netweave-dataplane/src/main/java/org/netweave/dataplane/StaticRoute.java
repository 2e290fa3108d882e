package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * One row of a DLR's forwarding table as the control VM resolved it: a prefix, the LIF it
 * leaves by, and the next hop on that LIF's subnet (null for a directly connected prefix, where
 * the destination itself is the next hop). Connected routes of LIFs are implied by the LIFs and
 * need no row.
 */
public record StaticRoute(Ipv4Prefix prefix, LifId egressLif, Ipv4Address nextHop) {
    public StaticRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(egressLif, "egressLif");
    }
}
