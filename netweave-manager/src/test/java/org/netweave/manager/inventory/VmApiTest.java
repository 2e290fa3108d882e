package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.inventory.InventoryFixture.assertRefused;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;

/** VMs, placement, power, vMotion and anti-affinity rules through the API. */
class VmApiTest {
    @TempDir
    static Path dir;

    private static InventoryFixture fx;
    private String cluster;

    @BeforeAll
    static void start() {
        fx = InventoryFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void compute() {
        fx.reset();
        cluster = fx.cluster(fx.datacenter("lab"), "compute");
    }

    private static String rule(String name, String... vms) {
        return "{\"name\":\"" + name + "\",\"vmIds\":[" + String.join(",", Arrays.stream(vms).map(v -> "\"" + v + "\"").toList()) + "]}";
    }

    @Test
    void aVmOnAHostGetsItsVnicsWithAllocatedMacs() {
        fx.host(cluster, 1);
        var created = fx.api.post("/vms", "{\"name\":\"web-1\",\"hostId\":\"host-1\",\"vnics\":["
                + "{\"ip\":\"10.0.1.10\"},{\"mac\":\"00:50:56:80:00:01\"},{}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("vm-1");
        assertThat(created.at("/hostId").asText()).isEqualTo("host-1");
        assertThat(created.at("/kind").asText()).isEqualTo("WORKLOAD");
        assertThat(created.at("/powerState").asText()).isEqualTo("POWERED_ON");
        assertThat(created.at("/dlrId").isNull()).isTrue();
        // The operator's MAC is skipped by the allocator.
        assertThat(created.body().at("/vnics").findValuesAsText("mac"))
                .containsExactly("00:50:56:80:00:02", "00:50:56:80:00:01", "00:50:56:80:00:03");
        assertThat(created.at("/vnics/0/index").asInt()).isZero();
        assertThat(created.at("/vnics/0/ip").asText()).isEqualTo("10.0.1.10");
        assertThat(created.at("/vnics/1/ip").isNull()).isTrue();
        assertThat(created.at("/vnics/0/logicalSwitchId").isNull()).isTrue();
        assertThat(created.at("/realization/hosts/0/realized").asBoolean()).isFalse();
        // What the host configuration worker and the host's agent would do.
        fx.realization.configChanged(HostId.of("host-1"), created.at("/generation").asLong());
        fx.realization.computedUpTo(created.at("/generation").asLong());
        fx.realization.reportApplied(HostId.of("host-1"), created.at("/generation").asLong());
        assertThat(fx.api.get("/vms/vm-1").at("/realization/state").asText()).isEqualTo("REALIZED");
    }

    @Test
    void placementInAClusterTakesTheLeastLoadedPoweredOnHost() {
        for (int n = 1; n <= 10; n++) {
            fx.host(cluster, n);
        }
        // Left on: host-2 and host-10, which sort the other way round as text.
        for (int n : new int[] {1, 3, 4, 5, 6, 7, 8, 9}) {
            assertThat(fx.api.post("/hosts/host-" + n + "/power-off", null).status()).isEqualTo(200);
        }
        fx.vmOnHost("busy", "host-2");
        assertThat(fx.hostOf(fx.vmInCluster("a", cluster))).isEqualTo("host-10");
        // host-2 and host-10 have one VM each now: the tie goes to host-2 (natural order, not text order).
        assertThat(fx.hostOf(fx.vmInCluster("b", cluster))).isEqualTo("host-2");
        assertThat(fx.hostOf(fx.vmInCluster("c", cluster))).isEqualTo("host-10");

        String empty = fx.cluster(fx.datacenter("dr"), "empty");
        String before = fx.snapshot();
        assertRefused(fx.api.post("/vms", "{\"name\":\"d\",\"clusterId\":\"" + empty + "\"}"), 409, "conflict", "clusterId");
        assertRefused(fx.api.post("/vms", "{\"name\":\"d\",\"clusterId\":\"domain-c9\"}"), 404, "not_found", "clusterId");
        assertRefused(fx.api.post("/vms", "{\"name\":\"d\",\"hostId\":\"host-1\"}"), 409, "conflict", "hostId");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void badVmsAreRefusedNamingTheFieldAndChangeNothing() {
        fx.host(cluster, 1);
        fx.create("/vms", "{\"name\":\"web\",\"hostId\":\"host-1\",\"vnics\":[{\"mac\":\"00:50:56:00:00:01\"}]}");
        String before = fx.snapshot();
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\"}"), 400, "missing_field", "hostId");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"clusterId\":\"" + cluster + "\"}"),
                400, "invalid_value", "clusterId");
        assertRefused(fx.api.post("/vms", "{\"hostId\":\"host-1\"}"), 400, "missing_field", "name");
        assertRefused(fx.api.post("/vms", "{\"name\":\"web\",\"hostId\":\"host-1\"}"), 409, "conflict", "name");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-9\"}"), 404, "not_found", "hostId");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"kind\":\"ROUTER\"}"), 400, "invalid_value", "kind");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"powerState\":\"ON\"}"),
                400, "invalid_value", "powerState");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"vnics\":[{},{\"mac\":\"00:50:56\"}]}"),
                400, "invalid_value", "vnics[1].mac");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"vnics\":[{\"mac\":\"01:00:5e:00:00:01\"}]}"),
                400, "invalid_value", "vnics[0].mac");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"vnics\":[{\"ip\":\"10.0.1\"}]}"),
                400, "invalid_value", "vnics[0].ip");
        assertRefused(fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"vnics\":[{\"mac\":\"00:50:56:00:00:02\"},"
                + "{\"mac\":\"00:50:56:00:00:02\"}]}"), 400, "invalid_value", "vnics[1].mac");
        var macTaken = fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-1\",\"vnics\":[{},{\"mac\":\"00:50:56:00:00:01\"}]}");
        assertRefused(macTaken, 409, "conflict", "vnics[1].mac");
        assertThat(macTaken.at("/message").asText()).contains("vm-1");
        assertRefused(fx.api.get("/vms?kind=ROUTER"), 400, "invalid_value", "kind");
        assertRefused(fx.api.get("/vms?hostId=host-9"), 404, "not_found", "hostId");
        assertRefused(fx.api.delete("/vms/vm-9"), 404, "not_found", "id");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void vmsListByHostAndKind() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        fx.vmOnHost("a", "host-1");
        fx.vmOnHost("b", "host-2");
        fx.create("/vms", "{\"name\":\"c\",\"hostId\":\"host-2\",\"kind\":\"CONTROL_VM\",\"powerState\":\"POWERED_OFF\"}");
        assertThat(fx.api.get("/vms?hostId=host-2").body().findValuesAsText("name")).containsExactly("b", "c");
        assertThat(fx.api.get("/vms?hostId=host-2&kind=WORKLOAD").body().findValuesAsText("name")).containsExactly("b");
        assertThat(fx.api.get("/vms?kind=CONTROL_VM").at("/0/powerState").asText()).isEqualTo("POWERED_OFF");
    }

    @Test
    void vmotionNeedsAVmotionPortOnBothHostsAndMovesTheVm() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        fx.hostWithoutVmotion(cluster, 3);
        String vm = fx.vmOnHost("web", "host-1");
        String before = fx.snapshot();
        var noPort = fx.api.post("/vms/" + vm + "/migrate", "{\"hostId\":\"host-3\"}");
        assertRefused(noPort, 409, "conflict", "hostId");
        assertThat(noPort.at("/message").asText()).contains("host-3", "VMOTION");
        assertRefused(fx.api.post("/vms/" + vm + "/migrate", "{\"hostId\":\"host-9\"}"), 404, "not_found", "hostId");
        assertRefused(fx.api.post("/vms/vm-9/migrate", "{\"hostId\":\"host-2\"}"), 404, "not_found", "id");
        assertRefused(fx.api.post("/vms/" + vm + "/migrate", "{}"), 400, "missing_field", "hostId");
        assertThat(fx.snapshot()).isEqualTo(before);

        var moved = fx.api.post("/vms/" + vm + "/migrate", "{\"hostId\":\"host-2\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.at("/hostId").asText()).isEqualTo("host-2");
        assertThat(moved.at("/generation").asLong()).isEqualTo(fx.store.generation());
        assertThat(moved.at("/realization/hosts/0/host").toString()).contains("host-2");
    }

    @Test
    void aVmOnAHostWithoutVmotionMovesOnlyWhenPoweredOff() {
        fx.hostWithoutVmotion(cluster, 1);
        fx.hostWithoutVmotion(cluster, 2);
        String vm = fx.vmOnHost("web", "host-1");
        var refused = fx.api.post("/vms/" + vm + "/migrate", "{\"hostId\":\"host-2\"}");
        assertRefused(refused, 409, "conflict", "id");
        assertThat(refused.at("/message").asText()).contains("host-1", "VMOTION");
        assertThat(fx.api.post("/vms/" + vm + "/power-off", null).at("/powerState").asText()).isEqualTo("POWERED_OFF");
        assertThat(fx.api.post("/vms/" + vm + "/migrate", "{\"hostId\":\"host-2\"}").at("/hostId").asText()).isEqualTo("host-2");
    }

    @Test
    void aControlVmBelongsToItsDlrAndIsNotDeletedThroughTheApi() {
        fx.host(cluster, 1);
        var control = fx.store.write((h, g) -> fx.admin.deployVm(h, g, DeployVmSpec.controlVm("edge-1-0", DlrId.of("edge-1"),
                List.of(ClusterId.of(cluster)), List.of()))).value();
        var view = fx.api.get("/vms/" + control);
        assertThat(view.at("/kind").asText()).isEqualTo("CONTROL_VM");
        assertThat(view.at("/dlrId").asText()).isEqualTo("edge-1");
        String before = fx.snapshot();
        var refused = fx.api.delete("/vms/" + control);
        assertRefused(refused, 409, "in_use", "id");
        assertThat(refused.at("/message").asText()).contains("edge-1");
        assertThat(fx.snapshot()).isEqualTo(before);

        String web = fx.vmOnHost("web", "host-1");
        var deleted = fx.api.delete("/vms/" + web);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/generation").asLong()).isEqualTo(fx.store.generation());
        assertRefused(fx.api.get("/vms/" + web), 404, "not_found", "id");
    }

    @Test
    void aRuleOverVmsOnOneHostMovesOneOfThemAsDrsWould() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        fx.host(cluster, 3);
        String a = fx.vmOnHost("a", "host-1");
        String b = fx.vmOnHost("b", "host-1");
        fx.vmOnHost("load", "host-2");
        var created = fx.api.post("/anti-affinity-rules", rule("apart", b, a));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("rule-1");
        assertThat(created.at("/vmIds/0").asText()).isEqualTo(a);
        assertThat(created.at("/vmIds/1").asText()).isEqualTo(b);
        assertThat(fx.hostOf(a)).isEqualTo("host-1");
        assertThat(fx.hostOf(b)).as("the least-loaded other host").isEqualTo("host-3");
        assertThat(fx.api.get("/vms/" + b).at("/generation").asLong()).isEqualTo(created.at("/generation").asLong());
        assertThat(created.at("/realization/hosts").size()).isEqualTo(2);

        // The rule then holds against vMotion.
        String before = fx.snapshot();
        var breaking = fx.api.post("/vms/" + b + "/migrate", "{\"hostId\":\"host-1\"}");
        assertRefused(breaking, 409, "conflict", "hostId");
        assertThat(breaking.at("/message").asText()).contains("rule-1", a);
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void aRuleThatCannotHoldIsRefusedWithTheReasonAndChangesNothing() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        assertThat(fx.api.post("/hosts/host-2/power-off", null).status()).isEqualTo(200);
        String a = fx.vmOnHost("a", "host-1");
        String b = fx.vmOnHost("b", "host-1");
        String before = fx.snapshot();
        var refused = fx.api.post("/anti-affinity-rules", rule("apart", a, b));
        assertRefused(refused, 409, "conflict", "vmIds");
        assertThat(refused.at("/message").asText())
                .startsWith("an HA pair needs two hosts: cluster " + cluster + " has only one eligible host host-1");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        String a = fx.vmOnHost("a", "host-1");
        String b = fx.vmOnHost("b", "host-2");
        fx.create("/anti-affinity-rules", rule("apart", a, b));
        String before = fx.snapshot();
        assertRefused(fx.api.post("/anti-affinity-rules", rule("x", a)), 400, "invalid_value", "vmIds");
        assertRefused(fx.api.post("/anti-affinity-rules", rule("x", a, a)), 400, "invalid_value", "vmIds[1]");
        assertRefused(fx.api.post("/anti-affinity-rules", rule("x", a, "vm-9")), 404, "not_found", "vmIds[1]");
        assertRefused(fx.api.post("/anti-affinity-rules", rule("x", a, "no such vm")), 400, "invalid_value", "vmIds[1]");
        assertRefused(fx.api.post("/anti-affinity-rules", "{\"name\":\"x\"}"), 400, "missing_field", "vmIds");
        assertRefused(fx.api.post("/anti-affinity-rules", rule("apart", a, b)), 409, "conflict", "name");
        assertRefused(fx.api.get("/anti-affinity-rules/rule-9"), 404, "not_found", "id");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void rulesListAndDelete() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        String a = fx.vmOnHost("a", "host-1");
        String b = fx.vmOnHost("b", "host-2");
        String rule = fx.create("/anti-affinity-rules", rule("apart", a, b));
        assertThat(fx.api.get("/anti-affinity-rules").body().findValuesAsText("id")).containsExactly(rule);
        assertThat(fx.api.get("/anti-affinity-rules/" + rule).at("/name").asText()).isEqualTo("apart");
        assertThat(fx.api.delete("/anti-affinity-rules/" + rule).status()).isEqualTo(200);
        assertThat(fx.api.get("/anti-affinity-rules").body().size()).isZero();
        assertThat(fx.api.post("/vms/" + b + "/migrate", "{\"hostId\":\"host-1\"}").status()).isEqualTo(200);
    }
}
