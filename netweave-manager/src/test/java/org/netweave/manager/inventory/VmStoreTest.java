package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.TestDatabases;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/** The SQL of VMs, vNICs and anti-affinity rules, on H2 and on PostgreSQL. */
class VmStoreTest {
    private static final HostId H2 = HostId.of("host-2");
    private static final HostId H3 = HostId.of("host-3");

    @TempDir
    Path dir;

    private final InventoryStore inventory = new InventoryStore();
    private final VmStore vms = new VmStore();

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
                InventoryStoreTest.seed(inventory, h, gen);
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
                InventoryStoreTest.seed(inventory, h, g);
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
