package org.netweave.manager.network.vnic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;

class VnicApiTest {
    @TempDir
    static Path dir;
    static NetworkFixture net;
    String web;

    @BeforeAll
    static void start() {
        net = NetworkFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        net.reset();
        web = net.logicalSwitch("web", net.topology().zoneA());
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void attachAndDetach() {
        var attached = net.api.put("/vms/vm-3/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}");
        assertThat(attached.status()).as(attached.text()).isEqualTo(200);
        assertThat(attached.at("/logicalSwitchId").asText()).isEqualTo(web);
        assertThat(attached.at("/hostId").asText()).isEqualTo("host-3");
        assertThat(attached.at("/mac").asText()).isEqualTo("00:50:56:00:00:03");
        assertThat(attached.at("/generation").asLong()).isEqualTo(net.store.generation());
        var onSwitch = net.api.get("/logical-switches/" + web + "/vnics");
        assertThat(onSwitch.body()).hasSize(1);
        assertThat(onSwitch.at("/0/vmId").asText()).isEqualTo("vm-3");

        var detached = net.api.put("/vms/vm-3/vnics/0", "{\"logicalSwitchId\":null}");
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.at("/logicalSwitchId").isNull()).isTrue();
        assertThat(net.api.get("/logical-switches/" + web + "/vnics").body()).isEmpty();
    }

    @Test
    void refusalsNameTheFieldAndChangeNothing() {
        var outside = net.refused(409, "conflict", "logicalSwitchId",
                () -> net.api.put("/vms/vm-9/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}"));
        assertThat(outside.at("/message").asText()).contains("domain-c3");
        net.refused(404, "not_found", "vmId", () -> net.api.put("/vms/vm-77/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}"));
        net.refused(404, "not_found", "index", () -> net.api.put("/vms/vm-1/vnics/3", "{\"logicalSwitchId\":\"" + web + "\"}"));
        net.refused(400, "invalid_value", "index", () -> net.api.put("/vms/vm-1/vnics/x", "{\"logicalSwitchId\":\"" + web + "\"}"));
        net.refused(404, "not_found", "logicalSwitchId",
                () -> net.api.put("/vms/vm-1/vnics/0", "{\"logicalSwitchId\":\"virtualwire-77\"}"));
        net.refused(400, "unknown_field", "portgroupId", () -> net.api.put("/vms/vm-1/vnics/0", "{\"portgroupId\":\"x\"}"));
    }

    @Test
    void aMacBehindAnExternalVtepCannotAttach() {
        net.api.put("/logical-switches/" + web + "/external-vteps/172.16.0.9", "{\"bindings\":[{\"mac\":\"00:50:56:00:00:01\"}]}");
        var refused = net.refused(409, "conflict", "logicalSwitchId",
                () -> net.api.put("/vms/vm-1/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}"));
        assertThat(refused.at("/message").asText()).contains("172.16.0.9");
    }
}
