package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.TestDatabases;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/** The SQL of the compute inventory (both stores), on H2 and on PostgreSQL. */
class InventoryStoreTest {
    static final DatacenterId DC = DatacenterId.of("datacenter-1");
    static final ClusterId C1 = ClusterId.of("domain-c1");
    static final ClusterId C2 = ClusterId.of("domain-c2");
    private static final HostId H2 = HostId.of("host-2");
    private static final HostId H3 = HostId.of("host-3");

    @TempDir
    Path dir;

    private final InventoryStore inventory = new InventoryStore();
    private final VmStore vms = new VmStore();

    static VmkernelPort port(String device, String address, VmkernelService... services) {
        return new VmkernelPort(device, Ipv4InterfaceAddress.parse(address), Set.of(services));
    }

    static HostRecord host(String id, ClusterId cluster, String mgmt, PowerState power, long generation) {
        return new HostRecord(HostId.of(id), cluster, id + ".lab", Ipv4Address.parse(mgmt), power, false, Optional.empty(),
                Optional.empty(), List.of(port("vmk0", mgmt + "/24", VmkernelService.MANAGEMENT, VmkernelService.VMOTION),
                port("vmk1", "10.1." + mgmt.substring(mgmt.lastIndexOf('.') + 1) + ".1/24", VmkernelService.IP_STORAGE)), generation);
    }

    /** A datacenter with clusters domain-c1 (host-2, host-10 powered off) and domain-c2 (host-3). */
    static void seed(InventoryStore inventory, org.jdbi.v3.core.Handle h, long g) {
        inventory.insertDatacenter(h, new DatacenterRecord(DC, "dc", g));
        inventory.insertCluster(h, C1, DC, "compute", g);
        inventory.insertCluster(h, C2, DC, "edge", g);
        inventory.insertHost(h, host("host-10", C1, "10.0.0.10", PowerState.POWERED_OFF, g));
        inventory.insertHost(h, host("host-2", C1, "10.0.0.2", PowerState.POWERED_ON, g));
        inventory.insertHost(h, host("host-3", C2, "10.0.0.3", PowerState.POWERED_ON, g));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void hostsComeBackAsWrittenInNaturalOrder(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            long g = store.write((h, gen) -> {
                seed(inventory, h, gen);
                return gen;
            }).generation();
            store.read(h -> {
                assertThat(inventory.datacenters(h)).containsExactly(new DatacenterRecord(DC, "dc", g));
                assertThat(inventory.datacenterNamed(h, "dc")).contains(DC);
                assertThat(inventory.clusters(h, Optional.of(DC))).extracting(ClusterRecord::id).containsExactly(C1, C2);
                ClusterRecord c1 = inventory.cluster(h, C1).orElseThrow();
                assertThat(c1.hosts()).containsExactly(HostId.of("host-2"), HostId.of("host-10"));
                assertThat(c1.vtepPool()).isEmpty();
                assertThat(inventory.clusterNamed(h, DC, "edge")).contains(C2);
                assertThat(inventory.hosts(h, Optional.of(C1))).containsExactly(
                        host("host-2", C1, "10.0.0.2", PowerState.POWERED_ON, g),
                        host("host-10", C1, "10.0.0.10", PowerState.POWERED_OFF, g));
                assertThat(inventory.hosts(h, Optional.empty())).extracting(HostRecord::id)
                        .containsExactly(HostId.of("host-2"), HostId.of("host-3"), HostId.of("host-10"));
                assertThat(inventory.hostsOfClusters(h, List.of(C2, ClusterId.of("domain-c99")))).extracting(HostRecord::id)
                        .containsExactly(HostId.of("host-3"));
                assertThat(inventory.addressesInUse(h)).hasSize(6)
                        .containsEntry(Ipv4Address.parse("10.1.10.1"), HostId.of("host-10"));
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void preparationPowerAndDeletionWriteTheirRows(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            store.write((h, g) -> {
                seed(inventory, h, g);
                return null;
            });
            HostId h2 = HostId.of("host-2");
            MacAddress mac = MacAddress.parse("02:4e:57:00:00:01");
            IpPoolRecord pool = new IpPoolRecord(IpPoolId.of("ipaddresspool-1"), "vtep", Ipv4Address.parse("192.168.50.10"),
                    Ipv4Address.parse("192.168.50.20"), 24, Optional.of(Ipv4Address.parse("192.168.50.1")), 0);
            long g2 = store.write((h, g) -> {
                inventory.insertIpPool(h, new IpPoolRecord(pool.id(), pool.name(), pool.start(), pool.end(), 24, pool.gateway(), g));
                inventory.prepareCluster(h, C1, pool.id(), g);
                inventory.addVmkernelPort(h, h2, port("vmk2", "192.168.50.10/24", VmkernelService.VTEP));
                inventory.markPrepared(h, h2, Ipv4Address.parse("192.168.50.10"), mac, g);
                inventory.setPower(h, HostId.of("host-10"), PowerState.POWERED_ON, g);
                return null;
            }).generation();
            store.read(h -> {
                assertThat(inventory.ipPools(h)).singleElement().satisfies(p -> assertThat(p.generation()).isEqualTo(g2));
                assertThat(inventory.ipPoolNamed(h, "vtep")).contains(pool.id());
                assertThat(inventory.clustersPreparedFrom(h, pool.id())).containsExactly(C1);
                ClusterRecord c1 = inventory.cluster(h, C1).orElseThrow();
                assertThat(c1.vtepPool()).contains(pool.id());
                assertThat(c1.generation()).isEqualTo(g2);
                HostRecord prepared = inventory.host(h, h2).orElseThrow();
                assertThat(prepared.prepared()).isTrue();
                assertThat(prepared.vtepIp()).contains(Ipv4Address.parse("192.168.50.10"));
                assertThat(prepared.routerMac()).contains(mac);
                assertThat(prepared.vmkernelPorts()).extracting(VmkernelPort::device).containsExactly("vmk0", "vmk1", "vmk2");
                assertThat(prepared.vmkernelPorts().get(2).services()).containsExactly(VmkernelService.VTEP);
                assertThat(inventory.hostWithRouterMac(h, mac)).contains(h2);
                assertThat(inventory.hostWithRouterMac(h, MacAddress.parse("02:4e:57:00:00:02"))).isEmpty();
                assertThat(inventory.host(h, HostId.of("host-10")).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_ON);
                return null;
            });
            store.write((h, g) -> {
                inventory.deleteHost(h, h2);
                return null;
            });
            store.read(h -> {
                assertThat(inventory.host(h, h2)).isEmpty();
                assertThat(inventory.addressesInUse(h)).doesNotContainValue(h2);
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void clusterUsersAreTheTransportZonesAndDlrsThatNameIt(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            store.write((h, g) -> {
                seed(inventory, h, g);
                h.execute("INSERT INTO transport_zone (id, name, replication_mode, generation) VALUES ('vdnscope-1', 'tz', 'UNICAST', ?)", g);
                h.execute("INSERT INTO transport_zone_cluster (transport_zone_id, cluster_id) VALUES ('vdnscope-1', 'domain-c1')");
                h.execute("INSERT INTO dlr (id, name, tenant, ha_enabled, appliance_cluster_id, transport_zone_id, state,"
                        + " instances_created, lifs_published, controller_id, generation)"
                        + " VALUES ('edge-1', 'r', 'default', TRUE, 'domain-c2', NULL, 'DEPLOYED', FALSE, FALSE, NULL, ?)", g);
                return null;
            });
            store.read(h -> {
                assertThat(inventory.clusterUsers(h, C1)).containsExactly("transport zone vdnscope-1");
                assertThat(inventory.clusterUsers(h, C2)).containsExactly("DLR edge-1");
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theSchemaRefusesADuplicateRouterMacAndDeletingAPoolAClusterUses(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            MacAddress mac = MacAddress.parse("02:4e:57:00:00:01");
            store.write((h, g) -> {
                seed(inventory, h, g);
                inventory.insertIpPool(h, new IpPoolRecord(IpPoolId.of("ipaddresspool-1"), "vtep",
                        Ipv4Address.parse("192.168.50.10"), Ipv4Address.parse("192.168.50.20"), 24, Optional.empty(), g));
                inventory.prepareCluster(h, C1, IpPoolId.of("ipaddresspool-1"), g);
                inventory.markPrepared(h, HostId.of("host-2"), Ipv4Address.parse("192.168.50.10"), mac, g);
                return null;
            });
            assertThatThrownBy(() -> store.write((h, g) -> {
                inventory.markPrepared(h, HostId.of("host-3"), Ipv4Address.parse("192.168.50.11"), mac, g);
                return null;
            })).hasMessageContaining("router_mac");
            assertThatThrownBy(() -> store.write((h, g) -> {
                inventory.deleteIpPool(h, IpPoolId.of("ipaddresspool-1"));
                return null;
            })).hasMessageContaining("cluster_preparation");
        }
    }

    private static VmRecord vm(int n, HostId host, VmKind kind, Optional<DlrId> dlr, long g, Vnic... vnics) {
        return new VmRecord(VmId.of("vm-" + n), "vm" + n, host, kind, PowerState.POWERED_ON, dlr, List.of(vnics), g);
    }

    private static Vnic vnic(int index, String mac, String ip) {
        return new Vnic(index, MacAddress.parse(mac), Optional.ofNullable(ip).map(Ipv4Address::parse), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void vmsWithTheirVnicsComeBackAndFilter(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            long g = store.write((h, gen) -> {
                seed(inventory, h, gen);
                vms.insertVm(h, vm(10, H2, VmKind.WORKLOAD, Optional.empty(), gen,
                        vnic(0, "00:50:56:80:00:01", "10.0.1.10"), vnic(1, "00:50:56:80:00:02", null)));
                vms.insertVm(h, vm(9, H2, VmKind.CONTROL_VM, Optional.of(DlrId.of("edge-1")), gen));
                vms.insertVm(h, vm(11, H3, VmKind.WORKLOAD, Optional.empty(), gen));
                return gen;
            }).generation();
            store.read(h -> {
                VmRecord ten = vms.vm(h, VmId.of("vm-10")).orElseThrow();
                assertThat(ten).isEqualTo(vm(10, H2, VmKind.WORKLOAD, Optional.empty(), g,
                        vnic(0, "00:50:56:80:00:01", "10.0.1.10"), vnic(1, "00:50:56:80:00:02", null)));
                assertThat(vms.vms(h, Optional.empty(), Optional.empty())).extracting(VmRecord::id)
                        .containsExactly(VmId.of("vm-9"), VmId.of("vm-10"), VmId.of("vm-11"));
                assertThat(vms.vms(h, Optional.of(H2), Optional.of(VmKind.WORKLOAD))).extracting(VmRecord::id)
                        .containsExactly(VmId.of("vm-10"));
                assertThat(vms.vmsOfDlr(h, DlrId.of("edge-1"))).extracting(VmRecord::id).containsExactly(VmId.of("vm-9"));
                assertThat(vms.vmNamed(h, "vm11")).contains(VmId.of("vm-11"));
                assertThat(vms.vmWithMac(h, MacAddress.parse("00:50:56:80:00:02"))).contains(VmId.of("vm-10"));
                assertThat(vms.vmCounts(h)).isEqualTo(Map.of(H2, 2, H3, 1));
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void movesPowerTheNetworksAttachmentAndRulesAndCascadingDeletes(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            AntiAffinityRuleId rule = AntiAffinityRuleId.of("rule-1");
            store.write((h, g) -> {
                seed(inventory, h, g);
                vms.insertVm(h, vm(1, H2, VmKind.WORKLOAD, Optional.empty(), g, vnic(0, "00:50:56:80:00:01", null)));
                vms.insertVm(h, vm(2, H3, VmKind.WORKLOAD, Optional.empty(), g));
                vms.insertVm(h, vm(3, H3, VmKind.WORKLOAD, Optional.empty(), g));
                vms.insertRule(h, new AntiAffinityRuleRecord(rule, "apart", List.of(VmId.of("vm-1"), VmId.of("vm-2")), g));
                vms.insertRule(h, new AntiAffinityRuleRecord(AntiAffinityRuleId.of("rule-2"), "apart too",
                        List.of(VmId.of("vm-1"), VmId.of("vm-3")), g));
                // The network package attaches vNICs; the inventory shows what it wrote.
                h.execute("INSERT INTO transport_zone (id, name, replication_mode, generation) VALUES ('vdnscope-1', 'tz', 'UNICAST', ?)", g);
                h.execute("INSERT INTO logical_switch VALUES ('virtualwire-1', 'web', 5001, 'vdnscope-1', 'UNICAST', ?)", g);
                h.execute("UPDATE vnic SET logical_switch_id = 'virtualwire-1' WHERE vm_id = 'vm-1'");
                return null;
            });
            long moved = store.write((h, g) -> {
                vms.moveVm(h, VmId.of("vm-2"), H2, g);
                vms.setPower(h, VmId.of("vm-3"), PowerState.POWERED_OFF, g);
                return null;
            }).generation();
            store.read(h -> {
                VmRecord two = vms.vm(h, VmId.of("vm-2")).orElseThrow();
                assertThat(two.hostId()).isEqualTo(H2);
                assertThat(two.generation()).isEqualTo(moved);
                assertThat(vms.vm(h, VmId.of("vm-3")).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_OFF);
                assertThat(vms.vm(h, VmId.of("vm-1")).orElseThrow().vnics().getFirst().logicalSwitch())
                        .contains(LogicalSwitchId.of("virtualwire-1"));
                assertThat(vms.rule(h, rule).orElseThrow().vms()).containsExactly(VmId.of("vm-1"), VmId.of("vm-2"));
                assertThat(vms.ruleNamed(h, "apart too")).contains(AntiAffinityRuleId.of("rule-2"));
                var partners = vms.partners(h, List.of(VmId.of("vm-1"), VmId.of("vm-2")));
                assertThat(partners.get(VmId.of("vm-1"))).containsOnlyKeys(VmId.of("vm-2"), VmId.of("vm-3"));
                assertThat(partners.get(VmId.of("vm-2"))).containsExactly(Map.entry(VmId.of("vm-1"), rule));
                return null;
            });
            store.write((h, g) -> {
                vms.deleteVm(h, VmId.of("vm-1"));
                vms.deleteRule(h, AntiAffinityRuleId.of("rule-2"));
                return null;
            });
            store.read(h -> {
                assertThat(vms.vmWithMac(h, MacAddress.parse("00:50:56:80:00:01"))).isEmpty();
                assertThat(vms.rules(h)).singleElement().satisfies(r -> assertThat(r.vms()).containsExactly(VmId.of("vm-2")));
                assertThat(vms.partners(h, List.of(VmId.of("vm-2")))).isEmpty();
                return null;
            });
        }
    }
}
