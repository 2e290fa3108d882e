package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ArpEntry;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.VniTables;
import org.netweave.proto.manager.v1.ExtraRoute;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;

/** How what the Neutron agents hold becomes the reconciler's DLR states, ARP bindings and vNICs. */
class NeutronRoutingTest {
    private static final MacAddress GATEWAY = MacAddress.parse("fa:16:3e:aa:00:01");
    private static final NeutronRouter ROUTER = NeutronRouter.newBuilder().setId("r-1").setDlrId("dlr-7").setDistributed(true)
            .addInterfaces(iface("gw-a", "s-a", 5002, "10.40.1.1"))
            .addInterfaces(iface("gw-b", "s-b", 5003, "10.40.2.1"))
            .addRoutes(ExtraRoute.newBuilder().setDestination(Ipv4Prefix.newBuilder()
                    .setAddress(Ipv4Address.parse("172.16.0.0").value()).setLength(12))
                    .setNexthop(Ipv4Address.parse("10.40.2.254").value()))
            .addRoutes(ExtraRoute.newBuilder().setDestination(Ipv4Prefix.newBuilder()
                    .setAddress(Ipv4Address.parse("192.168.0.0").value()).setLength(16))
                    .setNexthop(Ipv4Address.parse("10.99.0.1").value()))
            .build();
    private static final NeutronPort VM_A = port("p-a", "s-a", 5002, "10.40.1.5", "fa:16:3e:00:00:05", "cn-1");
    private static final NeutronPort VM_B = port("p-b", "s-b", 5003, "10.40.2.6", "fa:16:3e:00:00:06", "cn-2");

    @Test
    void aRouterIsADlrStateWithItsInterfacesAsLifsAndItsExtraRoutesOnTheLifOfTheNextHop() {
        NeutronRouting routing = NeutronRouting.of(List.of(ROUTER), Map.of("r-1", List.of(VM_A, VM_B)), List.of(VM_A),
                Map.of("s-a", new TreeSet<>(List.of("p-a"))));

        DlrState state = routing.routers().get(DlrId.of("dlr-7"));
        assertThat(state.getLifsList()).extracting(l -> l.getLifId() + " " + l.getVni() + " " + Ipv4Address.of(l.getIp())
                + "/" + l.getPrefixLength()).containsExactly("gw-a 5002 10.40.1.1/24", "gw-b 5003 10.40.2.1/24");
        // The route whose next hop is on no interface's subnet cannot be installed, and is left out.
        assertThat(state.getRoutesList()).singleElement().satisfies(r -> {
            assertThat(r.getLifId()).isEqualTo("gw-b");
            assertThat(Ipv4Address.of(r.getNextHop())).hasToString("10.40.2.254");
        });
        assertThat(routing.staticArps()).containsOnlyKeys(Vni.of(5002), Vni.of(5003));
        assertThat(routing.staticArps().get(Vni.of(5002))).containsExactly(
                Map.entry(Ipv4Address.parse("10.40.1.5"), MacAddress.parse("fa:16:3e:00:00:05")));
        assertThat(routing.vnics()).singleElement().satisfies(v -> {
            assertThat(v.vm().value()).isEqualTo("p-a");
            assertThat(v.vni()).contains(Vni.of(5002));
            assertThat(v.ip()).contains(Ipv4Address.parse("10.40.1.5"));
            assertThat(v.connected()).isTrue();
        });
    }

    @Test
    void aStaticEntryTakesThePlaceOfTheOwnersBindingForTheSameAddress() {
        NeutronRouting routing = NeutronRouting.of(List.of(ROUTER), Map.of("r-1", List.of(VM_A)), List.of(), Map.of());
        VniTables owner = VniTables.newBuilder().setVni(5002)
                .addArps(ArpEntry.newBuilder().setIp(Ipv4Address.parse("10.40.1.5").value()).setMac(1))
                .addArps(ArpEntry.newBuilder().setIp(Ipv4Address.parse("10.40.1.9").value()).setMac(2)).build();

        VniTables merged = routing.withStaticArps(Map.of(Vni.of(5002), owner)).get(Vni.of(5002));

        assertThat(merged.getArpsList()).extracting(a -> Ipv4Address.of(a.getIp()) + " " + a.getMac())
                .containsExactlyInAnyOrder("10.40.1.9 2", "10.40.1.5 " + MacAddress.parse("fa:16:3e:00:00:05").value());
    }

    @Test
    void theConfigurationGainsTheRoutersAndPortsAndKeepsItsOwn() {
        NeutronRouting routing = NeutronRouting.of(List.of(ROUTER), Map.of(), List.of(VM_A), Map.of());
        HostDesiredState config = new HostDesiredState(org.netweave.model.HostId.of("cn-1"), 4,
                Optional.of(Ipv4Address.parse("127.0.0.1")), GATEWAY, List.of(), new java.util.TreeMap<>(),
                new TreeSet<>(List.of(DlrId.of("dlr-1"))), List.of());

        HostDesiredState effective = routing.onto(config);

        assertThat(effective.dlrs()).containsExactly(DlrId.of("dlr-1"), DlrId.of("dlr-7"));
        assertThat(effective.vnics()).hasSize(1);
        assertThat(effective.generation()).isEqualTo(4);
        assertThat(NeutronRouting.NONE.onto(config)).isSameAs(config);
    }

    private static RouterInterface iface(String port, String subnet, int vni, String ip) {
        return RouterInterface.newBuilder().setPortId(port).setSubnetId(subnet).setVni(vni)
                .setIp(Ipv4Address.parse(ip).value()).setPrefixLength(24).setMac(GATEWAY.value()).setMtu(1500).build();
    }

    private static NeutronPort port(String id, String subnet, int vni, String ip, String mac, String host) {
        return NeutronPort.newBuilder().setId(id).setSubnetId(subnet).setVni(vni).setIp(Ipv4Address.parse(ip).value())
                .setMac(MacAddress.parse(mac).value()).setHost(host).setAdminStateUp(true).build();
    }
}
