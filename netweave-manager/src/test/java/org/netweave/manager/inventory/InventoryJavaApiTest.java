package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.testing.TestDatabases;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/**
 * The inventory's Java API for the DLR deployment job: everything in the job's own write, as the
 * job uses it to deploy a control VM HA pair (seed 000, steps 2 and 4), on H2 and PostgreSQL.
 */
class InventoryJavaApiTest {
    private static final DlrId EDGE = DlrId.of("edge-1");

    @TempDir
    Path dir;

    private record Pair(VmId first, VmId second, AntiAffinityRuleId rule) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anHaPairIsDeployedOnTwoHostsWithItsRuleInTheJobsWrite(TestDatabases.Kind kind) {
        var config = new InventoryConfig(MacAddress.parse("02:00:00:aa:00:00"));
        try (var fx = InventoryFixture.start(kind, dir, config)) {
            String cluster = fx.cluster(fx.datacenter("lab"), "edge");
            fx.host(cluster, 1);
            fx.host(cluster, 2);
            String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
            assertThat(fx.api.post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}").status()).isEqualTo(200);
            List<ClusterId> clusters = List.of(ClusterId.of(cluster));

            var written = fx.store.write((h, g) -> {
                VmId first = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-0", EDGE, clusters, List.of()));
                HostId firstHost = fx.inventory.vm(h, first).orElseThrow().hostId();
                VmId second = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-1", EDGE, clusters, List.of(firstHost)));
                return new Pair(first, second, fx.admin.createAntiAffinityRule(h, g, "edge-1-ha", List.of(first, second)));
            });
            Pair pair = written.value();
            fx.store.read(h -> {
                var vms = fx.inventory.controlVms(h, EDGE);
                assertThat(vms).extracting(VmRecord::id).containsExactly(pair.first(), pair.second());
                assertThat(vms).extracting(VmRecord::hostId).containsExactly(HostId.of("host-1"), HostId.of("host-2"));
                assertThat(vms).allSatisfy(vm -> {
                    assertThat(vm.kind()).isEqualTo(VmKind.CONTROL_VM);
                    assertThat(vm.powerState()).isEqualTo(PowerState.POWERED_ON);
                    assertThat(vm.generation()).as("not moved afterwards").isEqualTo(written.generation());
                });
                assertThat(fx.inventory.hostsOfClusters(h, clusters)).containsExactly(HostId.of("host-1"), HostId.of("host-2"));
                HostRecord host = fx.inventory.host(h, HostId.of("host-2")).orElseThrow();
                assertThat(host.clusterId()).isEqualTo(clusters.getFirst());
                assertThat(host.vtepIp()).contains(Ipv4Address.parse("192.168.50.11"));
                assertThat(host.routerMac()).as("from the configured base").contains(MacAddress.parse("02:00:00:aa:00:02"));
                return null;
            });
            assertThat(fx.inventory.antiAffinityRule(pair.rule()).orElseThrow().vms()).containsExactly(pair.first(), pair.second());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aPairPlacedOnOneHostIsSeparatedByItsRule(TestDatabases.Kind kind) {
        try (var fx = InventoryFixture.start(kind, dir, InventoryConfig.DEFAULTS)) {
            String lab = fx.datacenter("lab");
            String edge = fx.cluster(lab, "edge");
            String spare = fx.cluster(lab, "spare");
            fx.host(edge, 1);
            fx.host(spare, 2);
            List<ClusterId> clusters = List.of(ClusterId.of(edge));
            Pair pair = fx.store.write((h, g) -> {
                VmId first = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-0", EDGE, clusters, List.of()));
                VmId second = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-1", EDGE, clusters, List.of()));
                return new Pair(first, second, fx.admin.createAntiAffinityRule(h, g, "edge-1-ha", List.of(first, second),
                        List.of(ClusterId.of(edge), ClusterId.of(spare))));
            }).value();
            assertThat(fx.hostOf(pair.first().value())).isEqualTo("host-1");
            assertThat(fx.hostOf(pair.second().value())).as("moved to the other candidate cluster").isEqualTo("host-2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aOneHostClusterCannotHoldAnHaPairAndTheJobsWriteLeavesNoVm(TestDatabases.Kind kind) {
        try (var fx = InventoryFixture.start(kind, dir, InventoryConfig.DEFAULTS)) {
            String cluster = fx.cluster(fx.datacenter("lab"), "edge");
            fx.host(cluster, 1);
            List<ClusterId> clusters = List.of(ClusterId.of(cluster));
            String before = fx.snapshot();
            assertThatThrownBy(() -> fx.store.write((h, g) -> {
                VmId first = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-0", EDGE, clusters, List.of()));
                HostId firstHost = fx.inventory.vm(h, first).orElseThrow().hostId();
                // Every eligible host is to be avoided, so the second goes beside the first ...
                VmId second = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-1", EDGE, clusters, List.of(firstHost)));
                // ... and the rule says why the pair cannot be split.
                return fx.admin.createAntiAffinityRule(h, g, "edge-1-ha", List.of(first, second));
            })).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.getMessage()).startsWith(
                        "an HA pair needs two hosts: cluster " + cluster + " has only one eligible host host-1");
            });
            assertThat(fx.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void deployingRefusesUnknownClustersAndClustersWithoutAPoweredOnHost() {
        try (var fx = InventoryFixture.start(dir)) {
            String cluster = fx.cluster(fx.datacenter("lab"), "edge");
            fx.host(cluster, 1);
            assertThat(fx.api.post("/hosts/host-1/power-off", null).status()).isEqualTo(200);
            assertThatThrownBy(() -> fx.store.write((h, g) -> fx.admin.deployVm(h, g,
                    DeployVmSpec.controlVm("c", EDGE, List.of(ClusterId.of("domain-c9")), List.of()))))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> fx.store.write((h, g) -> fx.admin.deployVm(h, g,
                    DeployVmSpec.controlVm("c", EDGE, List.of(ClusterId.of(cluster)), List.of()))))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("no powered-on host", cluster);
                    });
        }
    }

    @Test
    void theJavaApiChecksNamesAsTheApiDoes() {
        assertThatThrownBy(() -> DeployVmSpec.controlVm(" ", EDGE, List.of(ClusterId.of("domain-c1")), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("name"));
        try (var fx = InventoryFixture.start(dir)) {
            assertThatThrownBy(() -> fx.store.write((h, g) -> fx.admin.createAntiAffinityRule(h, g, null,
                    List.of(VmId.of("vm-1"), VmId.of("vm-2")))))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().error()).isEqualTo("missing_field"));
        }
    }

    @Test
    void deletingAControlVmAndItsRuleIsIdempotentForRollback() {
        try (var fx = InventoryFixture.start(dir)) {
            String cluster = fx.cluster(fx.datacenter("lab"), "edge");
            fx.host(cluster, 1);
            fx.host(cluster, 2);
            List<ClusterId> clusters = List.of(ClusterId.of(cluster));
            Pair pair = fx.store.write((h, g) -> {
                VmId first = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-0", EDGE, clusters, List.of()));
                VmId second = fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-1", EDGE, clusters, List.of()));
                return new Pair(first, second, fx.admin.createAntiAffinityRule(h, g, "edge-1-ha", List.of(first, second)));
            }).value();
            for (int round = 0; round < 2; round++) {
                fx.store.write((h, g) -> {
                    fx.admin.deleteAntiAffinityRule(h, pair.rule());
                    fx.admin.deleteVm(h, pair.first());
                    fx.admin.deleteVm(h, pair.second());
                    return null;
                });
            }
            assertThat(fx.api.get("/vms").body().size()).isZero();
            assertThat(fx.api.get("/anti-affinity-rules").body().size()).isZero();
        }
    }
}
