package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;
import org.netweave.model.DlrId;

/** Creating, reading and deleting DLRs: seed 000 step 1 and every refusal of it. */
class DlrApiTest {
    private static final String GOOD = """
            {"name":"r1","tenant":"acme","controlVm":{"haEnabled":true,"clusterId":"domain-c1"},
             "interfaces":[{"name":"uplink","type":"UPLINK","vlan":100,"address":"192.168.10.2/24"},
                           {"name":"web","type":"INTERNAL","logicalSwitchId":"virtualwire-1","address":"10.0.1.1/24"},
                           {"name":"app","type":"INTERNAL","logicalSwitchId":"virtualwire-2","address":"10.0.2.1/24","mtu":9000}],
             "staticRoutes":[{"network":"172.16.0.0/16","nextHop":"192.168.10.254","description":"dc"}],
             "defaultRoute":{"gatewayAddress":"192.168.10.1"}}""";

    @TempDir
    static Path dir;
    static NetworkFixture net;

    @BeforeAll
    static void start() {
        net = NetworkFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        net.reset();
        var topology = net.topology();
        for (String name : List.of("web", "app", "db")) {
            net.logicalSwitch(name, topology.zoneA());
        }
        net.logicalSwitch("far", topology.zoneB());
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    /** {@code {"name":..,"controlVm":{"haEnabled":false},"interfaces":[..]}} */
    private static String dlr(String name, String... interfaces) {
        return "{\"name\":\"" + name + "\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":[" + String.join(",", interfaces) + "]}";
    }

    private static String onSwitch(String name, String logicalSwitch, String address) {
        return "{\"name\":\"" + name + "\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + logicalSwitch + "\",\"address\":\""
                + address + "\"}";
    }

    private static String onVlan(String name, String type, int vlan, String address) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"vlan\":" + vlan + ",\"address\":\"" + address + "\"}";
    }

    @Test
    void createStoresTheWholeDlrInOneWriteAndStartsItsJob() {
        var accepted = net.api.post("/dlrs", GOOD);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.at("/dlrId").asText()).isEqualTo("edge-1");
        assertThat(accepted.at("/jobId").asText()).isEqualTo("job-1");
        long generation = accepted.at("/generation").asLong();
        assertThat(generation).isEqualTo(net.store.generation());
        assertThat(net.lifecycle.calls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo("DLR_DEPLOY");
            assertThat(call.dlr()).isEqualTo(DlrId.of("edge-1"));
            assertThat(call.generation()).isEqualTo(generation);
        });

        var dlr = net.api.get("/dlrs/edge-1");
        assertThat(dlr.status()).isEqualTo(200);
        assertThat(dlr.at("/state").asText()).isEqualTo("DEPLOYING");
        assertThat(dlr.at("/instanceName").asText()).isEqualTo("acme+edge-1");
        assertThat(dlr.at("/controlVm/haEnabled").asBoolean()).isTrue();
        assertThat(dlr.at("/controlVm/clusterId").asText()).isEqualTo("domain-c1");
        assertThat(dlr.at("/transportZoneId").asText()).as("derived from its switches").isEqualTo("vdnscope-1");
        assertThat(dlr.at("/instancesCreated").asBoolean()).isFalse();
        assertThat(dlr.at("/interfaces").findValuesAsText("index")).containsExactly("1", "10", "11");
        assertThat(dlr.at("/interfaces/0/vlan").asInt()).isEqualTo(100);
        assertThat(dlr.at("/interfaces/0/logicalSwitchId").isNull()).isTrue();
        assertThat(dlr.at("/interfaces/1/vni").asInt()).isEqualTo(5000);
        assertThat(dlr.at("/interfaces/2/mtu").asInt()).isEqualTo(9000);
        assertThat(dlr.at("/interfaces").findValuesAsText("mac")).containsOnly("02:50:56:56:44:52");
        assertThat(dlr.at("/staticRoutes/0/nextHop").asText()).isEqualTo("192.168.10.254");
        assertThat(dlr.at("/staticRoutes/0/adminDistance").asInt()).isEqualTo(1);
        assertThat(dlr.at("/defaultRoute/gatewayAddress").asText()).isEqualTo("192.168.10.1");
        assertThat(dlr.at("/bridges")).isEmpty();
        assertThat(dlr.at("/generation").asLong()).isEqualTo(generation);
        assertThat(dlr.at("/realization/hosts")).hasSize(3);

        String zoneColumn = net.store.read(handle -> handle.createQuery("SELECT transport_zone_id FROM dlr WHERE id = 'edge-1'")
                .mapTo(String.class).one());
        assertThat(zoneColumn).as("the job sets the zone").isNull();
        String job = net.store.read(handle -> handle.createQuery("SELECT subject_id FROM job WHERE id = 'job-1'")
                .mapTo(String.class).one());
        assertThat(job).isEqualTo("edge-1");

        var list = net.api.get("/dlrs");
        assertThat(list.body()).hasSize(1);
        assertThat(list.at("/0/interfaceCount").asInt()).isEqualTo(3);
        assertThat(list.at("/0/transportZoneId").asText()).isEqualTo("vdnscope-1");
    }

    @Test
    void theTenantDefaultsAndTheControlVmMayGoAnywhereInTheZone() {
        String id = NetworkFixture.created(net.api.post("/dlrs", dlr("r1", onSwitch("web", "virtualwire-1", "10.0.1.1/24"))),
                202, "/dlrId");
        var dlr = net.api.get("/dlrs/" + id);
        assertThat(dlr.at("/tenant").asText()).isEqualTo("default");
        assertThat(dlr.at("/instanceName").asText()).isEqualTo("default+" + id);
        assertThat(dlr.at("/controlVm/clusterId").isNull()).isTrue();
        assertThat(dlr.at("/defaultRoute").isNull()).isTrue();
    }

    @Test
    void malformedOrUnknownInputIsRefusedAndNothingIsStored() {
        net.refused(400, "malformed_json", null, () -> net.api.post("/dlrs", "{\"name\":\"r1\" \"tenant\""));
        net.refused(400, "unknown_field", "interfaces[0].colour", () -> net.api.post("/dlrs", dlr("r1",
                "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"virtualwire-1\",\"address\":\"10.0.1.1/24\",\"colour\":1}")));
        net.refused(400, "invalid_value", "interfaces[0].type", () -> net.api.post("/dlrs", dlr("r1",
                "{\"name\":\"web\",\"type\":\"TRUNK\",\"logicalSwitchId\":\"virtualwire-1\",\"address\":\"10.0.1.1/24\"}")));
        net.refused(400, "missing_field", "controlVm", () -> net.api.post("/dlrs",
                "{\"name\":\"r1\",\"interfaces\":[" + onSwitch("web", "virtualwire-1", "10.0.1.1/24") + "]}"));
        net.refused(400, "missing_field", "controlVm.haEnabled", () -> net.api.post("/dlrs",
                "{\"name\":\"r1\",\"controlVm\":{},\"interfaces\":[" + onSwitch("web", "virtualwire-1", "10.0.1.1/24") + "]}"));
        net.refused(400, "invalid_value", "tenant", () -> net.api.post("/dlrs", "{\"name\":\"r1\",\"tenant\":\"a+b\","
                + "\"controlVm\":{\"haEnabled\":false},\"interfaces\":[" + onSwitch("web", "virtualwire-1", "10.0.1.1/24") + "]}"));
        assertThat(net.lifecycle.calls()).isEmpty();
    }

    @Test
    void interfaceRulesAreRefusedNamingTheFieldAndNothingIsStored() {
        var overlap = net.refused(400, "invalid_value", "interfaces[1].address", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.0.1/16"), onSwitch("app", "virtualwire-2", "10.0.2.1/24"))));
        assertThat(overlap.at("/message").asText()).contains("interfaces[0]");
        var network = net.refused(400, "invalid_value", "interfaces[0].address", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.1.0/24"))));
        assertThat(network.at("/message").asText()).contains("network or broadcast");
        net.refused(400, "invalid_value", "interfaces[0].address", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.1.255/24"))));
        net.refused(400, "invalid_value", "interfaces", () -> net.api.post("/dlrs", dlr("r1",
                onVlan("up", "UPLINK", 100, "192.168.10.2/24"))));
        net.refused(404, "not_found", "interfaces[0].logicalSwitchId", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-77", "10.0.1.1/24"))));
        var zones = net.refused(409, "conflict", "interfaces[1].logicalSwitchId", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.1.1/24"), onSwitch("far", "virtualwire-4", "10.0.4.1/24"))));
        assertThat(zones.at("/message").asText()).contains("transport zone");
        net.refused(400, "invalid_value", "interfaces[1].logicalSwitchId", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.1.1/24"), onSwitch("web2", "virtualwire-1", "10.0.2.1/24"))));
        net.refused(400, "invalid_value", "interfaces[1].name", () -> net.api.post("/dlrs", dlr("r1",
                onSwitch("web", "virtualwire-1", "10.0.1.1/24"), onSwitch("web", "virtualwire-2", "10.0.2.1/24"))));
        net.refused(409, "conflict", "controlVm.clusterId", () -> net.api.post("/dlrs", "{\"name\":\"r1\","
                + "\"controlVm\":{\"haEnabled\":false,\"clusterId\":\"domain-c3\"},\"interfaces\":["
                + onSwitch("web", "virtualwire-1", "10.0.1.1/24") + "]}"));
        List<String> uplinks = new ArrayList<>(List.of(onSwitch("web", "virtualwire-1", "10.0.1.1/24")));
        for (int i = 0; i < 10; i++) {
            uplinks.add(onVlan("up" + i, "UPLINK", 100 + i, "192.168." + i + ".2/24"));
        }
        net.refused(400, "invalid_value", "interfaces[10].type", () -> net.api.post("/dlrs",
                dlr("r1", uplinks.toArray(String[]::new))));
        assertThat(net.lifecycle.calls()).isEmpty();
    }

    @Test
    void aSwitchOrVlanOfAnotherDlrIsAConflictNamingThatDlr() {
        net.api.post("/dlrs", dlr("r1", onSwitch("web", "virtualwire-1", "10.0.1.1/24"), onVlan("up", "UPLINK", 100, "192.168.10.2/24")));
        var ls = net.refused(409, "conflict", "interfaces[0].logicalSwitchId", () -> net.api.post("/dlrs", dlr("r2",
                onSwitch("web", "virtualwire-1", "10.0.1.1/24"))));
        assertThat(ls.at("/message").asText()).contains("edge-1").contains("r1");
        var vlan = net.refused(409, "conflict", "interfaces[1].vlan", () -> net.api.post("/dlrs", dlr("r2",
                onSwitch("app", "virtualwire-2", "10.0.2.1/24"), onVlan("up", "UPLINK", 100, "192.168.10.2/24"))));
        assertThat(vlan.at("/message").asText()).contains("edge-1");
        net.refused(409, "conflict", "name", () -> net.api.post("/dlrs", dlr("r1", onSwitch("app", "virtualwire-2", "10.0.2.1/24"))));
        assertThat(net.lifecycle.calls()).hasSize(1);
    }

    @Test
    void routeRulesAreRefusedNamingTheFieldAndNothingIsStored() {
        String head = "{\"name\":\"r1\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                + onSwitch("web", "virtualwire-1", "10.0.1.1/24") + "],";
        var unreachable = net.refused(400, "invalid_value", "staticRoutes[0].nextHop", () -> net.api.post("/dlrs", head
                + "\"staticRoutes\":[{\"network\":\"172.16.0.0/16\",\"nextHop\":\"10.0.9.1\"}]}"));
        assertThat(unreachable.at("/message").asText()).contains("10.0.1.0/24");
        net.refused(400, "invalid_value", "staticRoutes[0].nextHop", () -> net.api.post("/dlrs", head
                + "\"staticRoutes\":[{\"network\":\"172.16.0.0/16\",\"nextHop\":\"10.0.1.1\"}]}"));
        net.refused(400, "invalid_value", "defaultRoute.gatewayAddress", () -> net.api.post("/dlrs", head
                + "\"defaultRoute\":{\"gatewayAddress\":\"8.8.8.8\"}}"));
        net.refused(409, "conflict", "staticRoutes[1].network", () -> net.api.post("/dlrs", head
                + "\"staticRoutes\":[{\"network\":\"172.16.0.0/16\",\"nextHop\":\"10.0.1.9\"},"
                + "{\"network\":\"172.16.0.0/16\",\"nextHop\":\"10.0.1.8\"}]}"));
        net.refused(400, "invalid_value", "staticRoutes[0].network", () -> net.api.post("/dlrs", head
                + "\"staticRoutes\":[{\"network\":\"0.0.0.0/0\",\"nextHop\":\"10.0.1.9\"}]}"));
        assertThat(net.lifecycle.calls()).isEmpty();
    }

    @Test
    void deleteStartsTheRemovalJobOnceTheDeploymentHasFinished() {
        String id = NetworkFixture.created(net.api.post("/dlrs", GOOD), 202, "/dlrId");
        net.refused(409, "conflict", null, () -> net.api.delete("/dlrs/" + id));
        net.deployed(id);
        var accepted = net.api.delete("/dlrs/" + id);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.at("/jobId").asText()).isEqualTo("job-2");
        assertThat(net.lifecycle.calls().getLast().kind()).isEqualTo("DLR_UNDEPLOY");
        var again = net.refused(409, "conflict", null, () -> net.api.delete("/dlrs/" + id));
        assertThat(again.at("/message").asText()).contains("job-2");
        NetworkFixture.assertError(net.api.delete("/dlrs/edge-9"), 404, "not_found", "id");
        NetworkFixture.assertError(net.api.get("/dlrs/edge-9"), 404, "not_found", "id");
    }
}
