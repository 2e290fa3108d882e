package org.netweave.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.network.lswitch.LogicalSwitchConfig;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.network.pool.SegmentPoolConfig;
import org.netweave.manager.network.pool.SegmentPoolStore;
import org.netweave.manager.network.pool.VniRange;
import org.netweave.manager.network.router.Bridge;
import org.netweave.manager.network.router.BridgeRef;
import org.netweave.manager.network.router.BridgeStore;
import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.DlrRef;
import org.netweave.manager.network.router.DlrState;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.router.LifStore;
import org.netweave.manager.network.router.LifType;
import org.netweave.manager.network.router.RouteStore;
import org.netweave.manager.network.router.StaticRoute;
import org.netweave.manager.network.router.SwitchFacts;
import org.netweave.manager.network.vnic.VnicStore;
import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.network.vtep.ExternalVtepStore;
import org.netweave.manager.network.vtep.MacBinding;
import org.netweave.manager.network.zone.TransportZoneConfig;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.network.zone.ZoneUsage;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.TestDatabases;
import org.netweave.model.BridgeId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.SegmentPoolId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VlanId;
import org.netweave.model.VmId;
import org.netweave.model.Vni;

/** The network stores' SQL on both databases the manager supports. */
class NetworkStoreTest {
    private static final TransportZoneId ZONE = TransportZoneId.of("vdnscope-1");
    private static final ClusterId C1 = ClusterId.of("domain-c1");
    private static final ClusterId C2 = ClusterId.of("domain-c2");
    private static final LogicalSwitchId WEB = LogicalSwitchId.of("virtualwire-1");
    private static final LogicalSwitchId APP = LogicalSwitchId.of("virtualwire-2");
    private static final DlrId EDGE = DlrId.of("edge-1");

    @TempDir
    Path dir;

    /** Two clusters with a host each, a VM with a vNIC on host-2, a zone over both, switches web and app. */
    private static void base(Store store) {
        store.write((handle, g) -> {
            handle.execute("INSERT INTO datacenter (id, name, generation) VALUES ('datacenter-1', 'dc', 0)");
            int n = 0;
            for (ClusterId cluster : List.of(C1, C2)) {
                n++;
                handle.execute("INSERT INTO compute_cluster (id, datacenter_id, name, generation) VALUES (?, 'datacenter-1', ?, 0)",
                        cluster.value(), cluster.value());
                handle.execute("INSERT INTO host (id, cluster_id, name, management_ip, prepared, vtep_ip, router_mac, generation)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?, NULL, 0)", "host-" + n, cluster.value(), "host-" + n,
                        "192.168.0." + n, "127.0.1." + n);
            }
            handle.execute("INSERT INTO vm (id, name, host_id, kind, power_state, dlr_id, generation)"
                    + " VALUES ('vm-1', 'vm-1', 'host-2', 'WORKLOAD', 'POWERED_ON', NULL, 0)");
            handle.execute("INSERT INTO vnic (vm_id, vnic_index, mac, ip, logical_switch_id, generation)"
                    + " VALUES ('vm-1', 0, '00:50:56:00:00:01', NULL, NULL, 0)");
            SegmentPoolStore.insert(handle, new SegmentPoolConfig(SegmentPoolId.of("segmentpool-1"), "pool",
                    new VniRange(Vni.of(5000), Vni.of(5999)), g));
            TransportZoneStore.insert(handle, new TransportZoneConfig(ZONE, "A", ReplicationMode.UNICAST, List.of(C1, C2), g));
            LogicalSwitchStore.insert(handle, new LogicalSwitchConfig(WEB, "web", Vni.of(5000), ZONE, ReplicationMode.UNICAST, g));
            LogicalSwitchStore.insert(handle, new LogicalSwitchConfig(APP, "app", Vni.of(5001), ZONE, ReplicationMode.HYBRID, g));
            return null;
        });
    }

    private static Lif lif(int index, LogicalSwitchId ls, Vni vni, VlanId vlan, String address, long generation) {
        return new Lif(index, "lif" + index, LifType.ofIndex(index), ls, vni, vlan, Ipv4InterfaceAddress.parse(address),
                Lif.VIRTUAL_MAC, 1500, generation);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDlrsWholeConfigurationComesBackAsWritten(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            base(store);
            long g = store.write((handle, generation) -> {
                DlrStore.insert(handle, new DlrConfig(EDGE, "r1", "acme", true, C1, null, DlrState.DEPLOYING, false, false,
                        null, List.of(), List.of(), null, List.of(), generation));
                LifStore.insert(handle, EDGE, lif(1, null, null, VlanId.of(100), "192.168.10.2/24", generation));
                LifStore.insert(handle, EDGE, lif(10, WEB, Vni.of(5000), null, "10.0.1.1/24", generation));
                RouteStore.replace(handle, EDGE, List.of(
                                new StaticRoute(Ipv4Prefix.parse("172.16.0.0/16"), Ipv4Address.parse("10.0.1.254"), 1, null),
                                new StaticRoute(Ipv4Prefix.parse("10.200.0.0/16"), Ipv4Address.parse("192.168.10.9"), 5, "lab")),
                        new StaticRoute(Ipv4Prefix.DEFAULT_ROUTE, Ipv4Address.parse("192.168.10.1"), 1, null), generation);
                BridgeStore.put(handle, EDGE, new Bridge(BridgeId.of("bridge-1"), "b1", APP, Vni.of(5001), VlanId.of(200), generation));
                return generation;
            }).generation();

            DlrConfig dlr = store.read(handle -> DlrStore.get(handle, EDGE)).orElseThrow();
            assertThat(dlr.transportZone()).as("derived from the LIFs while the column is null").isEqualTo(ZONE);
            assertThat(dlr.instanceName()).isEqualTo("acme+edge-1");
            assertThat(dlr.applianceCluster()).isEqualTo(C1);
            assertThat(dlr.lifs()).containsExactly(lif(1, null, null, VlanId.of(100), "192.168.10.2/24", g),
                    lif(10, WEB, Vni.of(5000), null, "10.0.1.1/24", g));
            assertThat(dlr.staticRoutes()).extracting(route -> route.network().toString())
                    .containsExactly("10.200.0.0/16", "172.16.0.0/16");
            assertThat(dlr.staticRoutes().getFirst().description()).isEqualTo("lab");
            assertThat(dlr.defaultRoute().nextHop()).isEqualTo(Ipv4Address.parse("192.168.10.1"));
            assertThat(dlr.bridges()).containsExactly(new Bridge(BridgeId.of("bridge-1"), "b1", APP, Vni.of(5001), VlanId.of(200), g));
            List<DlrConfig> all = store.read(DlrStore::list);
            assertThat(all).containsExactly(dlr);

            Map<LogicalSwitchId, SwitchFacts> facts = store.read(
                    handle -> LifStore.switchFacts(handle, List.of(WEB, APP, LogicalSwitchId.of("virtualwire-9"))));
            assertThat(facts).containsOnlyKeys(WEB, APP)
;
            assertThat(facts.get(WEB).lifOwner()).isEqualTo(new DlrRef(EDGE, "r1"));
            assertThat(facts.get(APP).lifOwner()).isNull();
            assertThat(facts.get(APP).vni()).isEqualTo(Vni.of(5001));
            Map<VlanId, DlrRef> vlans = store.read(handle -> LifStore.vlanOwners(handle, List.of(VlanId.of(100), VlanId.of(101))));
            assertThat(vlans).isEqualTo(Map.of(VlanId.of(100), new DlrRef(EDGE, "r1")));
            Optional<BridgeRef> onVlan = store.read(handle -> BridgeStore.onVlan(handle, VlanId.of(200)));
            assertThat(onVlan).map(bridge -> bridge.id().value()).contains("bridge-1");
            Optional<BridgeRef> onWeb = store.read(handle -> BridgeStore.onSwitch(handle, WEB));
            assertThat(onWeb).isEmpty();
            assertThat(store.read(handle -> LogicalSwitchStore.usage(handle, APP)).bridges()).singleElement().asString()
                    .contains("bridge-1");
            assertThat(store.read(handle -> LogicalSwitchStore.usage(handle, WEB)).lifs()).singleElement().asString()
                    .contains("LIF 10");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void spansUsageAndStampsFollowTheZonesClusters(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            base(store);
            List<HostId> span = store.read(handle -> Spans.hostsOfZone(handle, ZONE));
            assertThat(span).containsExactly(HostId.of("host-1"), HostId.of("host-2"));
            Map<TransportZoneId, List<HostId>> spans = store.read(Spans::hostsByZone);
            assertThat(spans).containsOnlyKeys(ZONE);
            store.write((handle, g) -> {
                VnicStore.attach(handle, VmId.of("vm-1"), 0, WEB, g);
                DlrStore.insert(handle, new DlrConfig(EDGE, "r1", "default", false, null, ZONE, DlrState.DEPLOYED, true, true,
                        null, List.of(), List.of(), null, List.of(), g));
                handle.execute("INSERT INTO vm (id, name, host_id, kind, power_state, dlr_id, generation)"
                        + " VALUES ('vm-2', 'r1-0', 'host-1', 'CONTROL_VM', 'POWERED_ON', 'edge-1', 0)");
                return null;
            });
            ZoneUsage usage = store.read(handle -> TransportZoneStore.usage(handle, ZONE));
            assertThat(usage.switches()).containsExactly(WEB, APP);
            assertThat(usage.vnics()).containsExactly(new ZoneUsage.AttachedVnic(VmId.of("vm-1"), 0, C2, WEB));
            assertThat(usage.dlrs()).containsExactly(new ZoneUsage.ZoneDlr(EDGE, "DEPLOYED", null, Set.of(C1)));
            assertThat(store.read(handle -> VnicStore.find(handle, VmId.of("vm-1"), 0)).orElseThrow().logicalSwitch()).isEqualTo(WEB);

            long stamp = store.write((handle, g) -> {
                TransportZoneStore.removeClusters(handle, ZONE, List.of(C2));
                TransportZoneStore.stamp(handle, ZONE, g);
                VnicStore.attach(handle, VmId.of("vm-1"), 0, null, g);
                return g;
            }).generation();
            assertThat(store.read(handle -> TransportZoneStore.get(handle, ZONE)).orElseThrow().clusters()).containsExactly(C1);
            assertThat(store.read(handle -> LogicalSwitchStore.get(handle, APP)).orElseThrow().generation()).isEqualTo(stamp);
            assertThat(store.read(handle -> DlrStore.get(handle, EDGE)).orElseThrow().generation()).isEqualTo(stamp);
            assertThat(store.read(handle -> VnicStore.find(handle, VmId.of("vm-1"), 0)).orElseThrow().logicalSwitch()).isNull();
            List<HostId> shrunk = store.read(handle -> Spans.hostsOfZone(handle, ZONE));
            assertThat(shrunk).containsExactly(HostId.of("host-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void externalVtepsAreReplacedWholeAndVnisCounted(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            base(store);
            Ipv4Address vtep = Ipv4Address.parse("172.16.0.9");
            MacBinding a = new MacBinding(MacAddress.parse("00:aa:00:00:00:01"), Ipv4Address.parse("10.0.1.50"));
            MacBinding b = new MacBinding(MacAddress.parse("00:aa:00:00:00:02"), null);
            store.write((handle, g) -> {
                ExternalVtepStore.replace(handle, new ExternalVtepConfig(WEB, vtep, List.of(a, b), g));
                return null;
            });
            long second = store.write((handle, g) -> {
                ExternalVtepStore.replace(handle, new ExternalVtepConfig(WEB, vtep, List.of(b), g));
                ExternalVtepStore.replace(handle, new ExternalVtepConfig(WEB, Ipv4Address.parse("172.16.0.10"), List.of(a), g));
                return g;
            }).generation();
            List<ExternalVtepConfig> vteps = store.read(handle -> ExternalVtepStore.list(handle, WEB));
            assertThat(vteps).containsExactly(new ExternalVtepConfig(WEB, Ipv4Address.parse("172.16.0.9"), List.of(b), second),
                    new ExternalVtepConfig(WEB, Ipv4Address.parse("172.16.0.10"), List.of(a), second));
            Map<MacAddress, Ipv4Address> others = store.read(handle -> ExternalVtepStore.macsOfOtherVteps(handle, WEB, vtep));
            assertThat(others).isEqualTo(Map.of(a.mac(), Ipv4Address.parse("172.16.0.10")));
            Optional<HostId> host = store.read(handle -> ExternalVtepStore.hostWithVtep(handle, Ipv4Address.parse("127.0.1.2")));
            assertThat(host).contains(HostId.of("host-2"));
            Optional<Ipv4Address> withMac = store.read(handle -> VnicStore.externalVtepWithMac(handle, WEB, a.mac()));
            assertThat(withMac).contains(Ipv4Address.parse("172.16.0.10"));

            int[] used = store.read(handle -> LogicalSwitchStore.usedVnis(handle, new VniRange(Vni.of(5000), Vni.of(6000))));
            assertThat(used).containsExactly(5000, 5001);
            int[] above = store.read(handle -> LogicalSwitchStore.usedVnis(handle, new VniRange(Vni.of(5001), Vni.of(5001))));
            assertThat(above).containsExactly(5001);
            List<LogicalSwitchId> inRange = store.read(
                    handle -> SegmentPoolStore.switchesIn(handle, new VniRange(Vni.of(5001), Vni.of(5999))));
            assertThat(inRange).containsExactly(APP);
            store.write((handle, g) -> {
                LogicalSwitchStore.delete(handle, WEB);
                return null;
            });
            List<ExternalVtepConfig> gone = store.read(handle -> ExternalVtepStore.list(handle, WEB));
            assertThat(gone).as("cascades with its switch").isEmpty();
        }
    }
}
