package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;
import static org.netweave.manager.network.router.DlrFixtures.EDGE_1;
import static org.netweave.manager.network.router.DlrFixtures.EDGE_2;
import static org.netweave.manager.network.router.DlrFixtures.ZONE_A;
import static org.netweave.manager.network.router.DlrFixtures.ZONE_B;
import static org.netweave.manager.network.router.DlrFixtures.facts;
import static org.netweave.manager.network.router.DlrFixtures.lif;
import static org.netweave.manager.network.router.DlrFixtures.onSwitch;
import static org.netweave.manager.network.router.DlrFixtures.onVlan;
import static org.netweave.manager.network.router.DlrFixtures.route;
import static org.netweave.manager.network.router.DlrFixtures.defaultRoute;
import static org.netweave.manager.network.router.DlrFixtures.specs;
import static org.netweave.manager.network.router.DlrFixtures.vlanLif;
import static org.netweave.manager.network.router.LifType.INTERNAL;
import static org.netweave.manager.network.router.LifType.UPLINK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

class LifRulesTest {
    private static Map<LogicalSwitchId, Vni> vnis(List<LifSpec> specs) {
        Map<LogicalSwitchId, Vni> vnis = new HashMap<>();
        specs.stream().filter(spec -> spec.logicalSwitch() != null).forEach(spec -> vnis.put(spec.logicalSwitch(),
                Vni.of(5000 + Integer.parseInt(spec.logicalSwitch().value().substring("virtualwire-".length())))));
        return vnis;
    }

    private static List<Lif> assign(List<Lif> existing, List<LifSpec> specs) {
        return LifRules.assign(existing, specs, vnis(specs), 7);
    }

    @Test
    void anInterfaceHasANameATypeOneNetworkAHostAddressAndAnMtu() {
        var spec = LifRules.parse(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24"), "interfaces[0]");
        assertThat(spec.mtu()).isEqualTo(1500);
        assertThat(spec.address().toString()).isEqualTo("10.0.1.1/24");
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24"),
                onSwitch(null, INTERNAL, "virtualwire-2", "10.0.2.1/24")), 400, "missing_field", "interfaces[1].name");
        assertRefused(() -> specs(onSwitch("web", null, "virtualwire-1", "10.0.1.1/24")), 400, "missing_field",
                "interfaces[0].type");
        assertRefused(() -> specs(new DlrInterfaceRequest("web", INTERNAL, null, null, "10.0.1.1/24", null)), 400,
                "missing_field", "interfaces[0].logicalSwitchId");
        assertRefused(() -> specs(new DlrInterfaceRequest("web", INTERNAL, "virtualwire-1", 10, "10.0.1.1/24", null)), 400,
                "invalid_value", "interfaces[0].vlan");
        assertRefused(() -> specs(onVlan("up", UPLINK, 0, "10.0.1.1/24")), 400, "invalid_value", "interfaces[0].vlan");
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", null)), 400, "missing_field",
                "interfaces[0].address");
        assertRefused(() -> specs(new DlrInterfaceRequest("web", INTERNAL, "virtualwire-1", null, "10.0.1.1/24", 67)), 400,
                "invalid_value", "interfaces[0].mtu");
        assertRefused(() -> specs(new DlrInterfaceRequest("web", INTERNAL, "virtualwire-1", null, "10.0.1.1/24", 9001)), 400,
                "invalid_value", "interfaces[0].mtu");
        assertRefused(() -> specs((DlrInterfaceRequest) null), 400, "missing_field", "interfaces[0]");
        assertRefused(() -> LifRules.parseAll(null), 400, "missing_field", "interfaces");
    }

    @Test
    void theAddressIsAHostOfItsSubnetNeverTheNetworkBroadcastOrASlash32() {
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.0/24")), 400, "invalid_value",
                "interfaces[0].address");
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.255/24")), 400, "invalid_value",
                "interfaces[0].address");
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/32")), 400, "invalid_value",
                "interfaces[0].address");
        assertRefused(() -> specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1")), 400, "invalid_value",
                "interfaces[0].address");
        assertRefused(() -> LifRules.parse(onSwitch("web", INTERNAL, "virtualwire-1", "300.0.1.1/24"), ""), 400,
                "invalid_value", "address");
    }

    @Test
    void aNewDlrNeedsAnInterfaceOnALogicalSwitch() {
        LifRules.requireSwitchLif(specs(onVlan("up", UPLINK, 100, "192.168.10.2/24"),
                onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24")));
        assertRefused(() -> LifRules.requireSwitchLif(specs(onVlan("up", UPLINK, 100, "192.168.10.2/24"))), 400,
                "invalid_value", "interfaces");
    }

    @Test
    void indexesAreGivenInOrderUplinksFrom1InternalsFrom10() {
        var lifs = assign(List.of(), specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24"),
                onVlan("up", UPLINK, 100, "192.168.10.2/24"), onSwitch("app", INTERNAL, "virtualwire-2", "10.0.2.1/24"),
                onSwitch("transit", UPLINK, "virtualwire-3", "192.168.20.2/24")));
        assertThat(lifs).extracting(Lif::index).containsExactly(10, 1, 11, 2);
        assertThat(lifs).allSatisfy(lif -> {
            assertThat(lif.mac().toString()).isEqualTo("02:50:56:56:44:52");
            assertThat(lif.generation()).isEqualTo(7);
        });
        assertThat(lifs.get(0).vni()).isEqualTo(Vni.of(5001));
        assertThat(lifs.get(1).vlan()).isEqualTo(VlanId.of(100));
        assertThat(lifs.get(1).vni()).isNull();
    }

    @Test
    void aNewInterfaceTakesTheLowestFreeIndexOfItsRange() {
        var existing = List.of(lif(10, "a", "virtualwire-1", "10.0.1.1/24"), lif(12, "c", "virtualwire-3", "10.0.3.1/24"),
                lif(1, "u", "virtualwire-4", "10.0.4.1/24"));
        assertThat(assign(existing, specs(onSwitch("b", INTERNAL, "virtualwire-2", "10.0.2.1/24"))).getFirst().index())
                .isEqualTo(11);
        assertThat(assign(existing, specs(onVlan("v", UPLINK, 7, "10.0.5.1/24"))).getFirst().index()).isEqualTo(2);
    }

    @Test
    void atMostNineUplinks() {
        List<DlrInterfaceRequest> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(onVlan("up" + i, UPLINK, 100 + i, "192.168." + i + ".2/24"));
        }
        assertThat(assign(List.of(), LifRules.parseAll(ten.subList(0, 9)))).extracting(Lif::index)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertRefused(() -> assign(List.of(), LifRules.parseAll(ten)), 400, "invalid_value", "interfaces[9].type");
        List<Lif> nine = assign(List.of(), LifRules.parseAll(ten.subList(0, 9)));
        assertRefused(() -> assign(nine, List.of(LifRules.parse(onVlan("more", UPLINK, 200, "172.16.0.1/24"), ""))), 409,
                "conflict", "type");
    }

    @Test
    void atMost990InternalsAnd999InterfacesInAll() {
        List<DlrInterfaceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            requests.add(onVlan("up" + i, UPLINK, 1 + i, "192.168." + i + ".2/24"));
        }
        for (int i = 0; i < 990; i++) {
            requests.add(onVlan("in" + i, INTERNAL, 100 + i, "10." + (i / 256) + "." + (i % 256) + ".1/24"));
        }
        List<Lif> all = assign(List.of(), LifRules.parseAll(requests));
        assertThat(all).hasSize(LifRules.MAX_LIFS).hasSize(999);
        assertThat(all.getLast().index()).isEqualTo(999);
        requests.add(onVlan("one-more", INTERNAL, 2000, "172.16.0.1/24"));
        assertRefused(() -> assign(List.of(), LifRules.parseAll(requests)), 400, "invalid_value", "interfaces[999].type");
        assertRefused(() -> assign(all, List.of(LifRules.parse(onVlan("x", INTERNAL, 2000, "172.16.0.1/24"), ""))), 409,
                "conflict", "type");
    }

    @Test
    void namesAreUniqueWithinADlr() {
        assertRefused(() -> assign(List.of(), specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24"),
                onSwitch("web", INTERNAL, "virtualwire-2", "10.0.2.1/24"))), 400, "invalid_value", "interfaces[1].name");
        assertRefused(() -> assign(List.of(lif(10, "web", "virtualwire-1", "10.0.1.1/24")),
                List.of(LifRules.parse(onSwitch("web", INTERNAL, "virtualwire-2", "10.0.2.1/24"), ""))), 409, "conflict", "name");
    }

    @Test
    void aSwitchOrVlanOnceWithinADlr() {
        assertRefused(() -> assign(List.of(), specs(onSwitch("a", INTERNAL, "virtualwire-1", "10.0.1.1/24"),
                onSwitch("b", INTERNAL, "virtualwire-1", "10.0.2.1/24"))), 400, "invalid_value", "interfaces[1].logicalSwitchId");
        assertRefused(() -> assign(List.of(), specs(onVlan("a", UPLINK, 100, "10.0.1.1/24"),
                onVlan("b", UPLINK, 100, "10.0.2.1/24"))), 400, "invalid_value", "interfaces[1].vlan");
        assertRefused(() -> assign(List.of(vlanLif(1, "a", 100, "10.0.1.1/24")),
                List.of(LifRules.parse(onVlan("b", UPLINK, 100, "10.0.2.1/24"), ""))), 409, "conflict", "vlan");
    }

    @Test
    void subnetsOfOneDlrNeverOverlap() {
        var inRequest = assertRefused(() -> assign(List.of(), specs(onSwitch("a", INTERNAL, "virtualwire-1", "10.0.0.1/16"),
                onSwitch("b", INTERNAL, "virtualwire-2", "10.0.5.1/24"))), 400, "invalid_value", "interfaces[1].address");
        assertThat(inRequest.getMessage()).contains("interfaces[0]");
        var stored = assertRefused(() -> assign(List.of(lif(10, "a", "virtualwire-1", "10.0.5.1/24")),
                List.of(LifRules.parse(onSwitch("b", INTERNAL, "virtualwire-2", "10.0.5.129/25"), ""))), 409, "conflict",
                "address");
        assertThat(stored.getMessage()).contains("LIF 10");
        assign(List.of(lif(10, "a", "virtualwire-1", "10.0.5.1/25")),
                List.of(LifRules.parse(onSwitch("b", INTERNAL, "virtualwire-2", "10.0.5.129/25"), "")));
    }

    @Test
    void aSwitchOrVlanIsOnAtMostOneDlrAndTheMessageNamesIt() {
        var specs = specs(onSwitch("web", INTERNAL, "virtualwire-1", "10.0.1.1/24"), onVlan("up", UPLINK, 100, "10.0.2.1/24"));
        var free = Map.of(LogicalSwitchId.of("virtualwire-1"), facts("virtualwire-1", ZONE_A, null));
        assertThat(LifRules.checkNetworks(null, null, specs, free, Map.of())).isEqualTo(ZONE_A);

        var taken = Map.of(LogicalSwitchId.of("virtualwire-1"), facts("virtualwire-1", ZONE_A, EDGE_2));
        var ls = assertRefused(() -> LifRules.checkNetworks(null, null, specs, taken, Map.of()), 409, "conflict",
                "interfaces[0].logicalSwitchId");
        assertThat(ls.getMessage()).contains("edge-2").contains("r2");
        var vlan = assertRefused(() -> LifRules.checkNetworks(null, null, specs, free, Map.of(VlanId.of(100), EDGE_2)), 409,
                "conflict", "interfaces[1].vlan");
        assertThat(vlan.getMessage()).contains("edge-2");
        // its own switches and VLANs are not another DLR's (assign refuses them as duplicates)
        var own = Map.of(LogicalSwitchId.of("virtualwire-1"), facts("virtualwire-1", ZONE_A, EDGE_1));
        LifRules.checkNetworks(EDGE_1, ZONE_A, specs, own, Map.of(VlanId.of(100), EDGE_1));
    }

    @Test
    void unknownSwitchesAre404AndADlrStaysInOneZone() {
        var specs = specs(onSwitch("a", INTERNAL, "virtualwire-1", "10.0.1.1/24"),
                onSwitch("b", INTERNAL, "virtualwire-2", "10.0.2.1/24"));
        assertRefused(() -> LifRules.checkNetworks(null, null, specs,
                Map.of(LogicalSwitchId.of("virtualwire-1"), facts("virtualwire-1", ZONE_A, null)), Map.of()), 404,
                "not_found", "interfaces[1].logicalSwitchId");
        var mixed = Map.of(LogicalSwitchId.of("virtualwire-1"), facts("virtualwire-1", ZONE_A, null),
                LogicalSwitchId.of("virtualwire-2"), facts("virtualwire-2", ZONE_B, null));
        var e = assertRefused(() -> LifRules.checkNetworks(null, null, specs, mixed, Map.of()), 409, "conflict",
                "interfaces[1].logicalSwitchId");
        assertThat(e.getMessage()).contains("vdnscope-2").contains("vdnscope-1");
        var later = List.of(LifRules.parse(onSwitch("b", INTERNAL, "virtualwire-2", "10.0.2.1/24"), ""));
        assertRefused(() -> LifRules.checkNetworks(EDGE_1, ZONE_A, later, mixed, Map.of()), 409, "conflict", "logicalSwitchId");
    }

    @Test
    void anInterfaceStaysWhileARouteNeedsItOrItIsTheLastOnASwitch() {
        var web = lif(10, "web", "virtualwire-1", "10.0.1.1/24");
        var app = lif(11, "app", "virtualwire-2", "10.0.2.1/24");
        var up = vlanLif(1, "up", 100, "192.168.10.2/24");
        LifRules.checkRemovable(List.of(web, app, up), app, List.of(route("172.16.0.0/16", "10.0.1.254")), null);
        var needed = assertRefused(() -> LifRules.checkRemovable(List.of(web, app, up), web,
                List.of(route("172.16.0.0/16", "10.0.1.254")), null), 409, "in_use", "index");
        assertThat(needed.getMessage()).contains("172.16.0.0/16 via 10.0.1.254");
        assertRefused(() -> LifRules.checkRemovable(List.of(web, app, up), up, List.of(), defaultRoute("192.168.10.1")),
                409, "in_use", "index");
        assertRefused(() -> LifRules.checkRemovable(List.of(web, up), web, List.of(), null), 409, "in_use", "index");
        LifRules.checkRemovable(List.of(web, up), up, List.of(), null);
    }
}
