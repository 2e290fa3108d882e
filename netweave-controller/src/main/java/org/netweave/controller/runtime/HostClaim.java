package org.netweave.controller.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * What a host says it has on one VNI, as its reports add up: whether it joined, the MACs behind
 * its VTEP, its IP-to-MAC bindings. The owner keeps the claim as made and puts into the tables
 * only what the VNI's {@link VniPlacement} admits, so a claim the manager's placement catches up
 * with later (a vNIC whose placement is still on its way) is admitted then without the host
 * having to say it again.
 */
public record HostClaim(boolean joined, Set<MacAddress> macs, Map<Ipv4Address, MacAddress> arps) {
    public static final HostClaim NONE = new HostClaim(false, Set.of(), Map.of());

    public HostClaim {
        macs = Set.copyOf(macs);
        arps = Map.copyOf(arps);
    }

    public HostClaim withJoined() {
        return new HostClaim(true, macs, arps);
    }

    /** Removals first, so a MAC in both lists stays (the runtime's rule for reports). */
    public HostClaim withMacs(Collection<MacAddress> added, Collection<MacAddress> removed) {
        Set<MacAddress> updated = new HashSet<>(macs);
        updated.removeAll(removed);
        updated.addAll(added);
        return new HostClaim(joined, updated, arps);
    }

    public HostClaim withArps(Map<Ipv4Address, MacAddress> added, Collection<Ipv4Address> removed) {
        Map<Ipv4Address, MacAddress> updated = new HashMap<>(arps);
        removed.forEach(updated::remove);
        updated.putAll(added);
        return new HostClaim(joined, macs, updated);
    }
}
