package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.model.Ipv4Address;
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
                r.lifs.values().stream().map(l -> l.spec).toList(), r.routeRows())));
        return new DatapathTables(t.config, switches,
                t.portsById.values().stream().map(p -> p.spec).toList(), routers,
                t.bridges.values().stream().map(b -> b.spec).toList());
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
