package org.netweave.dataplane;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;

/**
 * A snapshot of what a host has installed, shaped like the host-side NSX views
 * ({@code net-vdl2 -l}, {@code net-vdr --lif -l}, {@code net-vdr --route -l}, {@code net-vdr -b --mac}).
 */
public record DatapathTables(
        HostDatapathConfig config,
        List<SwitchTable> switches,
        List<VnicPort> ports,
        List<RouterTable> routers,
        List<Bridge> bridges) {

    public DatapathTables {
        switches = List.copyOf(switches);
        ports = List.copyOf(ports);
        routers = List.copyOf(routers);
        bridges = List.copyOf(bridges);
    }

    /** @throws IllegalArgumentException when the host holds no such switch */
    public SwitchTable logicalSwitch(int vni) {
        return findLogicalSwitch(vni)
                .orElseThrow(() -> new IllegalArgumentException("no logical switch " + vni + " on " + config.hostId()));
    }

    public Optional<SwitchTable> findLogicalSwitch(int vni) {
        return switches.stream().filter(s -> s.spec().vni().value() == vni).findFirst();
    }

    /** @throws IllegalArgumentException when the host holds no instance of the DLR */
    public RouterTable router(DlrId id) {
        return findRouter(id).orElseThrow(() -> new IllegalArgumentException("no DLR " + id + " on " + config.hostId()));
    }

    public Optional<RouterTable> findRouter(DlrId id) {
        return routers.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Where a MAC table entry sends frames. */
    public enum MacLocation {
        /** A vNIC on this host. */
        LOCAL_PORT,
        /** Behind a remote VTEP. */
        REMOTE_VTEP,
        /** On the VLAN side of a bridge instance on this host. */
        VLAN,
        /** A DLR instance on this host (a LIF vMAC or the host's router MAC). */
        ROUTER
    }

    /**
     * @param learned true if the data plane learned it from traffic rather than being told
     */
    public record MacEntry(MacAddress mac, MacLocation location, String where, boolean learned) {
    }

    public record SwitchTable(
            LogicalSwitchSpec spec,
            List<VtepRecord> vteps,
            List<ExternalVtep> externalVteps,
            List<MacEntry> macs,
            Map<Ipv4Address, MacAddress> arp) {

        public SwitchTable {
            vteps = List.copyOf(vteps);
            externalVteps = List.copyOf(externalVteps);
            macs = List.copyOf(macs);
            arp = Map.copyOf(arp);
        }

        public MacEntry mac(MacAddress mac) {
            return macs.stream().filter(m -> m.mac().equals(mac)).findFirst().orElse(null);
        }
    }

    /**
     * A forwarding-table row. Flags as {@code net-vdr --route -l} prints them: {@code UCI} for a
     * LIF's connected prefix, {@code UG} for a route via a gateway.
     */
    public record RouteRow(Ipv4Prefix prefix, Ipv4Address gateway, LifId lif, String flags) {
    }

    /**
     * A neighbour-table row, as {@code net-vdr --nbr -l} shows it: an address on a LIF's subnet
     * and the MAC the DLR sends to for it. Flags as NSX prints them: {@code VI} for the LIF's own
     * address (Valid, Interface), {@code V} for a resolved neighbour.
     */
    public record NeighbourRow(Ipv4Address ip, MacAddress mac, LifId lif, String flags) {
    }

    /**
     * @param neighbours the addresses the DLR can resolve, by LIF then address: each LIF's own
     *                   address and the ARP bindings of its logical switch that lie on its subnet,
     *                   which is where the router resolves next hops
     */
    public record RouterTable(DlrId id, List<Lif> lifs, List<RouteRow> routes, List<NeighbourRow> neighbours) {
        public RouterTable {
            lifs = List.copyOf(lifs);
            routes = List.copyOf(routes);
            neighbours = List.copyOf(neighbours);
        }
    }
}
