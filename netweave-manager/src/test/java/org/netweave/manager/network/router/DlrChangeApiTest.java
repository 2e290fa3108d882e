package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;

/** Interfaces, static routing and bridges of a DLR after its deployment. */
class DlrChangeApiTest {
    @TempDir
    static Path dir;
    static NetworkFixture net;
    String r1;

    @BeforeAll
    static void start() {
        net = NetworkFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        net.reset();
        var topology = net.topology();
        for (String name : List.of("web", "app", "db", "bridged", "bridged2")) {
            net.logicalSwitch(name, topology.zoneA());
        }
        net.logicalSwitch("far", topology.zoneB());
        r1 = net.deployedDlr("""
                {"name":"r1","controlVm":{"haEnabled":false},
                 "interfaces":[{"name":"up","type":"UPLINK","vlan":100,"address":"192.168.10.2/24"},
                               {"name":"web","type":"INTERNAL","logicalSwitchId":"virtualwire-1","address":"10.0.1.1/24"}],
                 "staticRoutes":[{"network":"172.16.0.0/16","nextHop":"10.0.1.254"}]}""");
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    private static String lif(String name, String logicalSwitch, String address) {
        return "{\"name\":\"" + name + "\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + logicalSwitch + "\",\"address\":\""
                + address + "\"}";
    }

    @Test
    void anInterfaceIsAddedWithTheNextIndexAndRemoved() {
        var added = net.api.post("/dlrs/" + r1 + "/interfaces", lif("app", "virtualwire-2", "10.0.2.1/24"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.at("/index").asInt()).isEqualTo(11);
        assertThat(added.at("/vni").asInt()).isEqualTo(5001);
        long generation = added.at("/generation").asLong();
        assertThat(net.api.get("/dlrs/" + r1).at("/generation").asLong()).isEqualTo(generation);
        assertThat(net.api.get("/dlrs/" + r1).at("/interfaces")).hasSize(3);

        var removed = net.api.delete("/dlrs/" + r1 + "/interfaces/11");
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(net.api.get("/dlrs/" + r1).at("/interfaces")).hasSize(2);
        assertThat(net.api.get("/dlrs/" + r1).at("/generation").asLong()).isEqualTo(removed.at("/generation").asLong());
    }

    @Test
    void addingAnInterfaceKeepsEveryRule() {
        String r2 = net.deployedDlr("{\"name\":\"r2\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                + lif("db", "virtualwire-3", "10.0.3.1/24") + "]}");
        String path = "/dlrs/" + r1 + "/interfaces";
        net.refused(409, "conflict", "address", () -> net.api.post(path, lif("app", "virtualwire-2", "10.0.1.129/25")));
        var other = net.refused(409, "conflict", "logicalSwitchId", () -> net.api.post(path, lif("db", "virtualwire-3", "10.0.3.1/24")));
        assertThat(other.at("/message").asText()).contains(r2);
        net.refused(409, "conflict", "logicalSwitchId", () -> net.api.post(path, lif("far", "virtualwire-6", "10.0.6.1/24")));
        net.refused(409, "conflict", "name", () -> net.api.post(path, lif("web", "virtualwire-2", "10.0.2.1/24")));
        net.refused(409, "conflict", "logicalSwitchId", () -> net.api.post(path, lif("web2", "virtualwire-1", "10.0.2.1/24")));
        net.refused(400, "invalid_value", "address", () -> net.api.post(path, lif("app", "virtualwire-2", "10.0.2.0/24")));
        net.refused(404, "not_found", "id", () -> net.api.post("/dlrs/edge-9/interfaces", lif("app", "virtualwire-2", "10.0.2.1/24")));
    }

    @Test
    void anInterfaceARouteNeedsStays() {
        var refused = net.refused(409, "in_use", "index", () -> net.api.delete("/dlrs/" + r1 + "/interfaces/10"));
        assertThat(refused.at("/message").asText()).contains("172.16.0.0/16");
        net.refused(404, "not_found", "index", () -> net.api.delete("/dlrs/" + r1 + "/interfaces/12"));
        net.refused(400, "invalid_value", "index", () -> net.api.delete("/dlrs/" + r1 + "/interfaces/1000"));
    }

    @Test
    void staticRoutingIsReplacedWhole() {
        var replaced = net.api.put("/dlrs/" + r1 + "/routing/static", """
                {"staticRoutes":[{"network":"172.17.0.0/16","nextHop":"10.0.1.253","adminDistance":10}],
                 "defaultRoute":{"gatewayAddress":"192.168.10.1"}}""");
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.at("/staticRoutes")).hasSize(1);
        assertThat(replaced.at("/staticRoutes/0/adminDistance").asInt()).isEqualTo(10);
        assertThat(replaced.at("/generation").asLong()).isEqualTo(net.store.generation());
        var read = net.api.get("/dlrs/" + r1 + "/routing/static");
        assertThat(read.text()).isEqualTo(replaced.text());
        assertThat(net.api.delete("/dlrs/" + r1 + "/interfaces/10").status()).as("the new route still needs LIF 10").isEqualTo(409);

        net.refused(400, "invalid_value", "staticRoutes[0].nextHop", () -> net.api.put("/dlrs/" + r1 + "/routing/static",
                "{\"staticRoutes\":[{\"network\":\"172.18.0.0/16\",\"nextHop\":\"10.0.9.1\"}]}"));
        net.refused(400, "invalid_value", "defaultRoute.gatewayAddress", () -> net.api.put("/dlrs/" + r1 + "/routing/static",
                "{\"defaultRoute\":{\"gatewayAddress\":\"192.168.10.2\"}}"));
        var cleared = net.api.put("/dlrs/" + r1 + "/routing/static", "{}");
        assertThat(cleared.at("/staticRoutes")).isEmpty();
        assertThat(cleared.at("/defaultRoute").isNull()).isTrue();
    }

    @Test
    void bridgesJoinOneSwitchAndOneVlanEachInOneBridge() {
        var bridge = net.api.put("/dlrs/" + r1 + "/bridges/b1", "{\"logicalSwitchId\":\"virtualwire-4\",\"vlan\":200}");
        assertThat(bridge.status()).as(bridge.text()).isEqualTo(200);
        assertThat(bridge.at("/id").asText()).isEqualTo("bridge-1");
        assertThat(bridge.at("/vni").asInt()).isEqualTo(5003);
        var moved = net.api.put("/dlrs/" + r1 + "/bridges/b1", "{\"logicalSwitchId\":\"virtualwire-4\",\"vlan\":201}");
        assertThat(moved.at("/id").asText()).as("a put keeps the bridge's id").isEqualTo("bridge-1");
        assertThat(net.api.get("/dlrs/" + r1).at("/bridges/0/vlan").asInt()).isEqualTo(201);

        String r2 = net.deployedDlr("{\"name\":\"r2\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                + lif("db", "virtualwire-3", "10.0.3.1/24") + "]}");
        var vlan = net.refused(409, "conflict", "vlan", () -> net.api.put("/dlrs/" + r2 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-5\",\"vlan\":201}"));
        assertThat(vlan.at("/message").asText()).contains("bridge-1");
        net.refused(409, "conflict", "logicalSwitchId", () -> net.api.put("/dlrs/" + r2 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-4\",\"vlan\":300}"));
        net.refused(409, "conflict", "vlan", () -> net.api.put("/dlrs/" + r1 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-5\",\"vlan\":201}"));
        net.refused(409, "conflict", "logicalSwitchId", () -> net.api.put("/dlrs/" + r1 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-6\",\"vlan\":300}"));
        net.refused(400, "invalid_value", "name", () -> net.api.put("/dlrs/" + r1 + "/bridges/" + "b".repeat(41),
                "{\"logicalSwitchId\":\"virtualwire-5\",\"vlan\":300}"));
        net.refused(400, "invalid_value", "vlan", () -> net.api.put("/dlrs/" + r1 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-5\",\"vlan\":4095}"));
        net.refused(404, "not_found", "logicalSwitchId", () -> net.api.put("/dlrs/" + r1 + "/bridges/b2",
                "{\"logicalSwitchId\":\"virtualwire-77\",\"vlan\":300}"));

        assertThat(net.api.delete("/dlrs/" + r1 + "/bridges/b1").status()).isEqualTo(200);
        assertThat(net.api.get("/dlrs/" + r1).at("/bridges")).isEmpty();
        net.refused(404, "not_found", "name", () -> net.api.delete("/dlrs/" + r1 + "/bridges/b1"));
    }

    @Test
    void nothingChangesWhileADeploymentJobWorksOnTheDlr() {
        String r2 = NetworkFixture.created(net.api.post("/dlrs", "{\"name\":\"r2\",\"controlVm\":{\"haEnabled\":false},"
                + "\"interfaces\":[" + lif("db", "virtualwire-3", "10.0.3.1/24") + "]}"), 202, "/dlrId");
        var refused = net.refused(409, "conflict", null, () -> net.api.post("/dlrs/" + r2 + "/interfaces",
                lif("app", "virtualwire-2", "10.0.2.1/24")));
        assertThat(refused.at("/message").asText()).contains("job");
        net.refused(409, "conflict", null, () -> net.api.put("/dlrs/" + r2 + "/routing/static", "{}"));
        net.refused(409, "conflict", null, () -> net.api.put("/dlrs/" + r2 + "/bridges/b1",
                "{\"logicalSwitchId\":\"virtualwire-4\",\"vlan\":200}"));
        net.refused(409, "conflict", null, () -> net.api.delete("/dlrs/" + r2 + "/interfaces/10"));
    }
}
