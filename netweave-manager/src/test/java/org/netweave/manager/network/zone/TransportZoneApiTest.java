package org.netweave.manager.network.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;

class TransportZoneApiTest {
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
    void aZoneShowsItsClustersAndTheirHosts() {
        var zone = net.api.get("/transport-zones/" + topology.zoneA());
        assertThat(zone.status()).isEqualTo(200);
        assertThat(zone.at("/id").asText()).isEqualTo("vdnscope-1");
        assertThat(zone.at("/replicationMode").asText()).isEqualTo("UNICAST");
        assertThat(zone.at("/clusterIds").toString()).isEqualTo("[\"domain-c1\",\"domain-c2\"]");
        assertThat(zone.at("/hostIds").toString()).isEqualTo("[\"host-1\",\"host-2\",\"host-3\"]");
        assertThat(net.api.get("/transport-zones").body()).hasSize(2);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        net.refused(404, "not_found", "clusterIds[1]", () -> net.api.post("/transport-zones",
                "{\"name\":\"C\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\"domain-c1\",\"domain-c77\"]}"));
        net.refused(409, "conflict", "name", () -> net.api.post("/transport-zones",
                "{\"name\":\"A\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\"domain-c1\"]}"));
        net.refused(400, "invalid_value", "replicationMode", () -> net.api.post("/transport-zones",
                "{\"name\":\"C\",\"replicationMode\":\"BROADCAST\",\"clusterIds\":[\"domain-c1\"]}"));
        net.refused(400, "invalid_value", "clusterIds", () -> net.api.post("/transport-zones",
                "{\"name\":\"C\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[]}"));
        net.refused(409, "conflict", "clusterIds[0]", () -> net.api.post("/transport-zones/" + topology.zoneA() + "/expand",
                "{\"clusterIds\":[\"domain-c1\"]}"));
        net.refused(404, "not_found", "id", () -> net.api.post("/transport-zones/vdnscope-77/expand",
                "{\"clusterIds\":[\"domain-c3\"]}"));
    }

    @Test
    void expandAndShrinkStampTheZoneAndItsSwitches() {
        String web = net.logicalSwitch("web", topology.zoneA());
        var expanded = net.api.post("/transport-zones/" + topology.zoneA() + "/expand", "{\"clusterIds\":[\"domain-c3\"]}");
        assertThat(expanded.status()).isEqualTo(200);
        assertThat(expanded.at("/hostIds").toString()).contains("host-9");
        long generation = expanded.at("/generation").asLong();
        assertThat(generation).isEqualTo(net.store.generation());
        var ls = net.api.get("/logical-switches/" + web);
        assertThat(ls.at("/generation").asLong()).isEqualTo(generation);
        assertThat(ls.at("/realization/hosts")).hasSize(4);

        var shrunk = net.api.post("/transport-zones/" + topology.zoneA() + "/shrink", "{\"clusterIds\":[\"domain-c3\"]}");
        assertThat(shrunk.status()).isEqualTo(200);
        assertThat(shrunk.at("/clusterIds").toString()).isEqualTo("[\"domain-c1\",\"domain-c2\"]");
        assertThat(net.api.get("/logical-switches/" + web).at("/realization/hosts")).hasSize(3);
    }

    @Test
    void shrinkIsRefusedWhileAVmOfTheClusterIsAttached() {
        String web = net.logicalSwitch("web", topology.zoneA());
        assertThat(net.api.put("/vms/vm-3/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}").status()).isEqualTo(200);
        var refused = net.refused(409, "in_use", "clusterIds[0]", () -> net.api.post(
                "/transport-zones/" + topology.zoneA() + "/shrink", "{\"clusterIds\":[\"domain-c2\"]}"));
        assertThat(refused.at("/message").asText()).contains("vm-3");
        net.api.put("/vms/vm-3/vnics/0", "{\"logicalSwitchId\":null}");
        assertThat(net.api.post("/transport-zones/" + topology.zoneA() + "/shrink", "{\"clusterIds\":[\"domain-c2\"]}")
                .status()).isEqualTo(200);
        net.refused(409, "in_use", "clusterIds", () -> net.api.post(
                "/transport-zones/" + topology.zoneA() + "/shrink", "{\"clusterIds\":[\"domain-c1\"]}"));
    }

    @Test
    void aZoneWithSwitchesStaysAndAnEmptyOneGoes() {
        String web = net.logicalSwitch("web", topology.zoneB());
        var refused = net.refused(409, "in_use", null, () -> net.api.delete("/transport-zones/" + topology.zoneB()));
        assertThat(refused.at("/message").asText()).contains(web);
        assertThat(net.api.delete("/logical-switches/" + web).status()).isEqualTo(200);
        assertThat(net.api.delete("/transport-zones/" + topology.zoneB()).status()).isEqualTo(200);
        NetworkFixture.assertError(net.api.get("/transport-zones/" + topology.zoneB()), 404, "not_found", "id");
    }
}
