package org.netweave.controller.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * The manager's placement on one VNI, the authority for what hosts may claim there (OVN's
 * southbound RBAC plays this part: a chassis may only claim the port bindings placed on it).
 * A host joins only a VNI whose switch spans it, reports only its own vNICs' MACs, and binds
 * only their addresses to them; a host that may bridge the VNI to a VLAN may also report MACs
 * its bridge learned there, except a MAC another host's vNIC holds. So a host, whatever it says,
 * can neither claim another host's VM nor poison the VNI's ARP table.
 *
 * <p>Immutable. {@link #NONE} — no placement heard yet — admits nothing.
 */
public final class VniPlacement {
    public static final VniPlacement NONE = new VniPlacement(Map.of());

    /**
     * What one host holds on the VNI.
     *
     * @param ports  its vNICs on the VNI: MAC and the addresses it may bind to it
     * @param bridge whether it may run the VNI's VXLAN-VLAN bridge
     */
    public record HostPlacement(Map<MacAddress, Set<Ipv4Address>> ports, boolean bridge) {
        public HostPlacement {
            Map<MacAddress, Set<Ipv4Address>> copy = new HashMap<>();
            Fields.present("ports", ports).forEach((mac, ips) -> copy.put(Fields.present("mac", mac), Set.copyOf(ips)));
            ports = Map.copyOf(copy);
        }
    }

    /** The admitted part of a claim, and the refused parts. */
    public record Admission(HostClaim admitted, Set<RefusedClaim> refused) {
    }

    private final Map<HostId, HostPlacement> hosts;
    /** Which host's vNIC holds each MAC; a bridge may not claim these. */
    private final Map<MacAddress, HostId> vnicMacs = new HashMap<>();

    public VniPlacement(Map<HostId, HostPlacement> hosts) {
        this.hosts = Map.copyOf(hosts);
        this.hosts.forEach((host, placement) -> placement.ports().keySet().forEach(mac -> vnicMacs.put(mac, host)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a placement host by host, for tests and synthetic loads. */
    public static final class Builder {
        private final Map<HostId, Map<MacAddress, Set<Ipv4Address>>> ports = new HashMap<>();
        private final Set<HostId> bridges = new HashSet<>();

        private Builder() {
        }

        /** The switch spans {@code host}. */
        public Builder host(HostId host) {
            ports.computeIfAbsent(host, h -> new HashMap<>());
            return this;
        }

        /** {@code host} has a vNIC with {@code mac} and these addresses. */
        public Builder port(HostId host, MacAddress mac, Ipv4Address... ips) {
            ports.computeIfAbsent(host, h -> new HashMap<>()).put(mac, Set.of(ips));
            return this;
        }

        /** {@code host} may run the VNI's bridge. */
        public Builder bridge(HostId host) {
            host(host);
            bridges.add(host);
            return this;
        }

        public VniPlacement build() {
            Map<HostId, HostPlacement> hosts = new HashMap<>();
            ports.forEach((host, held) -> hosts.put(host, new HostPlacement(held, bridges.contains(host))));
            return new VniPlacement(hosts);
        }
    }

    public Map<HostId, HostPlacement> hosts() {
        return hosts;
    }

    public boolean spans(HostId host) {
        return hosts.containsKey(host);
    }

    /** Pure: what of {@code claim} {@code host} may have here, and what not and why. */
    public Admission admit(HostId host, HostClaim claim) {
        if (!claim.joined()) {
            return new Admission(HostClaim.NONE, Set.of());
        }
        HostPlacement placement = hosts.get(host);
        if (placement == null) {
            return new Admission(HostClaim.NONE, Set.of(new RefusedClaim(ClaimRefusal.VNI_NOT_SPANNED, "join")));
        }
        Set<RefusedClaim> refused = new HashSet<>();
        List<MacAddress> macs = new ArrayList<>();
        for (MacAddress mac : claim.macs()) {
            if (placement.ports().containsKey(mac) || placement.bridge() && !vnicMacs.containsKey(mac)) {
                macs.add(mac);
            } else {
                refused.add(new RefusedClaim(ClaimRefusal.MAC_NOT_HELD, "mac " + mac));
            }
        }
        Map<Ipv4Address, MacAddress> arps = new HashMap<>();
        claim.arps().forEach((ip, mac) -> {
            if (placement.ports().getOrDefault(mac, Set.of()).contains(ip)) {
                arps.put(ip, mac);
            } else {
                refused.add(new RefusedClaim(ClaimRefusal.IP_NOT_HELD, "arp " + ip + " " + mac));
            }
        });
        return new Admission(new HostClaim(true, Set.copyOf(macs), arps), Set.copyOf(refused));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VniPlacement that && hosts.equals(that.hosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hosts);
    }

    @Override
    public String toString() {
        return "VniPlacement" + hosts;
    }
}
