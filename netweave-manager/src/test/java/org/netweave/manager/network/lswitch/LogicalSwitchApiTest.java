package org.netweave.manager.network.lswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;
import org.netweave.model.HostId;

class LogicalSwitchApiTest {
    @TempDir
    static Path dir;
    static NetworkFixture net;
    NetworkFixture.Topology topology;

    @BeforeAll
    static void start() {
        net = NetworkFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        net.reset();
        topology = net.topology();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void aSwitchTakesTheLowestFreeVniAndTheZonesModeAndShowsItsRealisation() {
        var web = net.api.post("/logical-switches", "{\"name\":\"web\",\"transportZoneId\":\"" + topology.zoneA() + "\"}");
        assertThat(web.status()).as(web.text()).isEqualTo(201);
        assertThat(web.at("/id").asText()).isEqualTo("virtualwire-1");
        assertThat(web.at("/vni").asInt()).isEqualTo(5000);
        assertThat(web.at("/replicationMode").asText()).isEqualTo("UNICAST");
        long generation = web.at("/generation").asLong();
        assertThat(generation).isEqualTo(net.store.generation());
        assertThat(web.at("/realization/generation").asLong()).isEqualTo(generation);
        assertThat(web.at("/realization/state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(web.at("/realization/hosts")).hasSize(3);

        var app = net.api.post("/logical-switches", "{\"name\":\"app\",\"transportZoneId\":\"" + topology.zoneA()
                + "\",\"replicationMode\":\"MULTICAST\",\"vni\":5500}");
        assertThat(app.at("/vni").asInt()).isEqualTo(5500);
        assertThat(app.at("/replicationMode").asText()).isEqualTo("MULTICAST");
        assertThat(net.api.post("/logical-switches", "{\"name\":\"db\",\"transportZoneId\":\"" + topology.zoneA() + "\"}")
                .at("/vni").asInt()).isEqualTo(5001);

        for (String host : new String[] {"host-1", "host-2", "host-3"}) {
            // What the host configuration worker and the host's agent would do: the configuration
            // changed at this generation, and the host applied it.
            net.realization.configChanged(HostId.of(host), net.store.generation());
            net.realization.computedUpTo(net.store.generation());
            net.realization.reportApplied(HostId.of(host), net.store.generation());
        }
        var realised = net.api.get("/logical-switches/virtualwire-1");
        assertThat(realised.at("/realization/state").asText()).isEqualTo("REALIZED");
        assertThat(realised.at("/realization/hosts/0/realized").asBoolean()).isTrue();
    }

    @Test
    void listsFilterByZone() {
        net.logicalSwitch("web", topology.zoneA());
        net.logicalSwitch("edge", topology.zoneB());
        assertThat(net.api.get("/logical-switches").body()).hasSize(2);
        var zoneB = net.api.get("/logical-switches?transportZoneId=" + topology.zoneB());
        assertThat(zoneB.body()).hasSize(1);
        assertThat(zoneB.at("/0/name").asText()).isEqualTo("edge");
        assertThat(zoneB.at("/0/realization/hosts")).as("zone B spans host-9 only").hasSize(1);
        NetworkFixture.assertError(net.api.get("/logical-switches?transportZoneId=vdnscope-9"), 404, "not_found",
                "transportZoneId");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        net.logicalSwitch("web", topology.zoneA());
        String zone = topology.zoneA();
        net.refused(400, "malformed_json", null, () -> net.api.post("/logical-switches", "{\"name\":\"x\","));
        net.refused(400, "unknown_field", "tenantId", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"" + zone + "\",\"tenantId\":\"t\"}"));
        net.refused(400, "invalid_value", "vni", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"" + zone + "\",\"vni\":4999}"));
        net.refused(400, "invalid_value", "vni", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"" + zone + "\",\"vni\":16777216}"));
        net.refused(409, "conflict", "name", () -> net.api.post("/logical-switches",
                "{\"name\":\"web\",\"transportZoneId\":\"" + zone + "\"}"));
        var duplicateVni = net.refused(409, "conflict", "vni", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"" + zone + "\",\"vni\":5000}"));
        assertThat(duplicateVni.at("/message").asText()).contains("virtualwire-1");
        net.refused(409, "conflict", "vni", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"" + zone + "\",\"vni\":9000}"));
        net.refused(404, "not_found", "transportZoneId", () -> net.api.post("/logical-switches",
                "{\"name\":\"x\",\"transportZoneId\":\"vdnscope-9\"}"));
        net.refused(400, "missing_field", "transportZoneId", () -> net.api.post("/logical-switches", "{\"name\":\"x\"}"));
    }

    @Test
    void fullPoolsAreAConflict() {
        net.api.delete("/segment-pools/" + topology.pool());
        net.api.post("/segment-pools", "{\"name\":\"tiny\",\"begin\":7000,\"end\":7000}");
        net.logicalSwitch("web", topology.zoneA());
        net.refused(409, "conflict", null, () -> net.api.post("/logical-switches",
                "{\"name\":\"app\",\"transportZoneId\":\"" + topology.zoneA() + "\"}"));
    }

    @Test
    void aSwitchInUseStaysAndTheMessageNamesTheUser() {
        String web = net.logicalSwitch("web", topology.zoneA());
        net.api.put("/vms/vm-1/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}");
        var refused = net.refused(409, "in_use", null, () -> net.api.delete("/logical-switches/" + web));
        assertThat(refused.at("/message").asText()).contains("vm-1 vNIC 0");

        net.api.put("/vms/vm-1/vnics/0", "{}");
        net.api.put("/logical-switches/" + web + "/external-vteps/172.16.0.9", "{\"bindings\":[]}");
        var deleted = net.api.delete("/logical-switches/" + web);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(net.api.get("/logical-switches").body()).isEmpty();
        NetworkFixture.assertError(net.api.delete("/logical-switches/" + web), 404, "not_found", "id");
    }

    @Test
    void aSwitchUnderALifOrBridgeStays() {
        String web = net.logicalSwitch("web", topology.zoneA());
        String bridged = net.logicalSwitch("bridged", topology.zoneA());
        String dlr = net.deployedDlr("{\"name\":\"r1\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":[{\"name\":\"web\","
                + "\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + web + "\",\"address\":\"10.0.1.1/24\"}]}");
        assertThat(net.api.put("/dlrs/" + dlr + "/bridges/b1", "{\"logicalSwitchId\":\"" + bridged + "\",\"vlan\":200}")
                .status()).isEqualTo(200);
        var lif = net.refused(409, "in_use", null, () -> net.api.delete("/logical-switches/" + web));
        assertThat(lif.at("/message").asText()).contains("LIF 10").contains(dlr);
        var bridge = net.refused(409, "in_use", null, () -> net.api.delete("/logical-switches/" + bridged));
        assertThat(bridge.at("/message").asText()).contains("bridge-1");
    }
}
