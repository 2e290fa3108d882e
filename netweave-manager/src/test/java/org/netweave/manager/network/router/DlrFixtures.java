package org.netweave.manager.network.router;

import java.util.Arrays;
import java.util.List;

import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** Records for the pure DLR rule tests. */
final class DlrFixtures {
    static final TransportZoneId ZONE_A = TransportZoneId.of("vdnscope-1");
    static final TransportZoneId ZONE_B = TransportZoneId.of("vdnscope-2");
    static final DlrRef EDGE_1 = new DlrRef(DlrId.of("edge-1"), "r1");
    static final DlrRef EDGE_2 = new DlrRef(DlrId.of("edge-2"), "r2");

    private DlrFixtures() {
    }

    static DlrInterfaceRequest onSwitch(String name, LifType type, String logicalSwitch, String address) {
        return new DlrInterfaceRequest(name, type, logicalSwitch, null, address, null);
    }

    static DlrInterfaceRequest onVlan(String name, LifType type, int vlan, String address) {
        return new DlrInterfaceRequest(name, type, null, vlan, address, null);
    }

    static List<LifSpec> specs(DlrInterfaceRequest... requests) {
        return LifRules.parseAll(Arrays.asList(requests));
    }

    static Lif lif(int index, String name, String logicalSwitch, String address) {
        return new Lif(index, name, LifType.ofIndex(index), LogicalSwitchId.of(logicalSwitch), Vni.of(5000 + index), null,
                Ipv4InterfaceAddress.parse(address), Lif.VIRTUAL_MAC, 1500, 1);
    }

    static Lif vlanLif(int index, String name, int vlan, String address) {
        return new Lif(index, name, LifType.ofIndex(index), null, null, VlanId.of(vlan),
                Ipv4InterfaceAddress.parse(address), Lif.VIRTUAL_MAC, 1500, 1);
    }

    static StaticRoute route(String network, String nextHop) {
        return new StaticRoute(Ipv4Prefix.parse(network), Ipv4Address.parse(nextHop), 1, null);
    }

    static StaticRoute defaultRoute(String gateway) {
        return new StaticRoute(Ipv4Prefix.DEFAULT_ROUTE, Ipv4Address.parse(gateway), 1, null);
    }

    static SwitchFacts facts(String id, TransportZoneId zone, DlrRef owner) {
        return new SwitchFacts(LogicalSwitchId.of(id), Vni.of(5000 + Integer.parseInt(id.substring(id.indexOf('-') + 1))),
                zone, owner);
    }

    static DlrConfig dlr(DlrState state, List<Lif> lifs) {
        return new DlrConfig(EDGE_1.id(), EDGE_1.name(), "default", false, null, ZONE_A, state, true, true, null, lifs,
                List.of(), null, List.of(), 1);
    }
}
