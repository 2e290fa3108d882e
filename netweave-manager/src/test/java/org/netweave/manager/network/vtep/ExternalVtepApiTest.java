package org.netweave.manager.network.vtep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;

class ExternalVtepApiTest {
    @TempDir
    static Path dir;
    static NetworkFixture net;
    String web;
    String path;

    @BeforeAll
    static void start() {
        net = NetworkFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        net.reset();
        web = net.logicalSwitch("web", net.topology().zoneA());
        path = "/logical-switches/" + web + "/external-vteps";
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void putReplacesListGetDeleteAndEachWriteStampsTheSwitch() {
        var put = net.api.put(path + "/172.16.0.9", "{\"bindings\":[{\"mac\":\"00:AA:00:00:00:02\",\"ip\":\"10.0.1.50\"},"
                + "{\"mac\":\"00:aa:00:00:00:01\"}]}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.at("/bindings/0/mac").asText()).isEqualTo("00:aa:00:00:00:01");
        assertThat(put.at("/bindings/0/ip").isNull()).isTrue();
        assertThat(put.at("/bindings/1/ip").asText()).isEqualTo("10.0.1.50");
        assertThat(net.api.get("/logical-switches/" + web).at("/generation").asLong()).isEqualTo(put.at("/generation").asLong());

        var replaced = net.api.put(path + "/172.16.0.9", "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:03\"}]}");
        assertThat(replaced.at("/bindings")).hasSize(1);
        assertThat(net.api.put(path + "/172.16.0.10", "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:01\"}]}").status())
                .isEqualTo(200);
        assertThat(net.api.get(path).body()).hasSize(2);
        assertThat(net.api.get(path + "/172.16.0.10").at("/bindings/0/mac").asText()).isEqualTo("00:aa:00:00:00:01");

        var deleted = net.api.delete(path + "/172.16.0.9");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(net.api.get("/logical-switches/" + web).at("/generation").asLong()).isEqualTo(deleted.at("/generation").asLong());
        assertThat(net.api.get(path).body()).hasSize(1);
        NetworkFixture.assertError(net.api.get(path + "/172.16.0.9"), 404, "not_found", "vtepIp");
    }

    @Test
    void aMacIsBoundOncePerSwitchAndRefusalsChangeNothing() {
        net.api.put(path + "/172.16.0.9", "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:01\"}]}");
        var other = net.refused(409, "conflict", "bindings[1].mac", () -> net.api.put(path + "/172.16.0.10",
                "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:05\"},{\"mac\":\"00:aa:00:00:00:01\"}]}"));
        assertThat(other.at("/message").asText()).contains("172.16.0.9");
        net.api.put("/vms/vm-1/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}");
        net.refused(409, "conflict", "bindings[0].mac", () -> net.api.put(path + "/172.16.0.10",
                "{\"bindings\":[{\"mac\":\"00:50:56:00:00:01\"}]}"));
        net.refused(400, "invalid_value", "bindings[1].mac", () -> net.api.put(path + "/172.16.0.10",
                "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:07\"},{\"mac\":\"00:aa:00:00:00:07\"}]}"));
        net.refused(400, "invalid_value", "bindings[0].mac", () -> net.api.put(path + "/172.16.0.10",
                "{\"bindings\":[{\"mac\":\"zz:aa:00:00:00:07\"}]}"));
        net.refused(400, "invalid_value", "vtepIp", () -> net.api.put(path + "/224.0.0.1", "{\"bindings\":[]}"));
        net.refused(409, "conflict", "vtepIp", () -> net.api.put(path + "/127.0.1.1", "{\"bindings\":[]}"));
        net.refused(404, "not_found", "id", () -> net.api.put("/logical-switches/virtualwire-9/external-vteps/172.16.0.10",
                "{\"bindings\":[]}"));
        net.refused(400, "missing_field", "bindings", () -> net.api.put(path + "/172.16.0.10", "{}"));
    }
}
