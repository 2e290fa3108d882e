package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DatapathTables.NeighbourRow;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/** Copies a host's live tables into the immutable {@link DatapathTables} view. */
final class TablesSnapshot {
    private TablesSnapshot() {
    }

    static DatapathTables of(HostTables t) {
        List<SwitchTable> switches = new ArrayList<>();
        t.switches.values().stream().sorted((a, b) -> Integer.compare(a.vni, b.vni)).forEach(ls -> switches.add(switchTable(t, ls)));
        List<RouterTable> routers = new ArrayList<>();
        t.routers.values().forEach(r -> routers.add(new RouterTable(r.id,
                r.lifs.values().stream().map(l -> l.spec).toList(), r.routeRows(), neighbours(r))));
        return new DatapathTables(t.config, switches,
                t.portsById.values().stream().map(p -> p.spec).toList(), routers,
                t.bridges.values().stream().map(b -> b.spec).toList());
    }

    /**
     * The router resolves a next hop in the ARP table of the egress LIF's logical switch, so its
     * neighbours are those bindings on the LIF's subnet, plus the LIF's own address.
     */
    private static List<NeighbourRow> neighbours(RouterInstance r) {
        List<NeighbourRow> rows = new ArrayList<>();
        r.lifs.values().stream().sorted(Comparator.comparing((LifInstance l) -> l.spec.id())).forEach(lif -> {
            Ipv4Prefix subnet = lif.spec.address().subnet();
            rows.add(new NeighbourRow(lif.spec.address().address(), lif.spec.vmac(), lif.spec.id(), "VI"));
            List<NeighbourRow> resolved = new ArrayList<>();
            lif.ls.arpTable.forEachLong((ip, mac) -> {
                Ipv4Address address = Ipv4Address.of((int) ip);
                if (subnet.contains(address) && (int) ip != lif.ip) {
                    resolved.add(new NeighbourRow(address, MacAddress.of(mac), lif.spec.id(), "V"));
                }
            });
            resolved.sort(Comparator.comparing(NeighbourRow::ip));
            rows.addAll(resolved);
        });
        return rows;
    }

    private static SwitchTable switchTable(HostTables t, SwitchInstance ls) {
        List<MacEntry> macs = new ArrayList<>();
        ls.macTable.forEachLong((mac, entry) -> macs.add(macEntry(t, mac, entry)));
        macs.sort((a, b) -> a.mac().compareTo(b.mac()));
        Map<Ipv4Address, MacAddress> arp = new HashMap<>();
        ls.arpTable.forEachLong((ip, mac) -> arp.put(Ipv4Address.of((int) ip), MacAddress.of(mac)));
        return new SwitchTable(ls.spec, List.copyOf(ls.vteps.values()), List.copyOf(ls.externalVteps.values()), macs, arp);
    }

    private static MacEntry macEntry(HostTables t, long mac, long entry) {
        int datum = MacDestination.datum(entry);
        boolean learned = MacDestination.learned(entry);
        return switch (MacDestination.kind(entry)) {
            case MacDestination.LOCAL_PORT -> new MacEntry(MacAddress.of(mac), MacLocation.LOCAL_PORT,
                    t.ports[datum] == null ? "?" : t.ports[datum].spec.id().value(), learned);
            case MacDestination.REMOTE_VTEP, MacDestination.EXTERNAL_VTEP -> new MacEntry(MacAddress.of(mac),
                    MacLocation.REMOTE_VTEP, Ipv4Address.toString(datum), learned);
            case MacDestination.VLAN -> new MacEntry(MacAddress.of(mac), MacLocation.VLAN, "vlan-" + datum, learned);
            default -> new MacEntry(MacAddress.of(mac), MacLocation.ROUTER, datum == 0 ? "lif" : "router-mac", learned);
        };
    }
}
