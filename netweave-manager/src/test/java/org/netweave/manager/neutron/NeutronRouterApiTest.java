package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /v2.0/routers: a router is a DLR that is only stored; its interfaces are LIFs, its routes static routes. */
class NeutronRouterApiTest {
    @RegisterExtension
    static final NeutronManager manager = NeutronManager.withZone();
    final NeutronFixture net = manager.get();

    @Test
    void creatingADistributedRouterOnlyStoresItsDlr() {
        JsonNode router = net.create("router", "{\"name\":\"r\",\"distributed\":true}");
        String id = router.get("id").asText();
        assertThat(router.get("name").asText()).isEqualTo("r");
        assertThat(router.get("distributed").asBoolean()).isTrue();
        assertThat(router.get("admin_state_up").asBoolean()).isTrue();
        assertThat(router.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(router.get("routes")).isEmpty();
        assertThat(router.get("external_gateway_info").isNull()).isTrue();

        JsonNode dlr = net.dlrOf(id);
        assertThat(dlr).as("the router's DLR in /api/v1").isNotNull();
        assertThat(dlr.get("state").asText()).isEqualTo("STORED");
        assertThat(dlr.get("interfaces")).isEmpty();
        assertThat(dlr.get("instancesCreated").asBoolean()).isFalse();
        assertThat(net.api.get("/jobs?subjectId=" + dlr.get("id").asText()).body()).as("no deployment job").isEmpty();
        assertThat(net.api.get("/vms").body().findValuesAsText("dlrId")).as("no control VM").isEmpty();

        var nativeDelete = net.api.delete("/dlrs/" + dlr.get("id").asText());
        assertThat(nativeDelete.status()).isEqualTo(409);
        assertThat(nativeDelete.at("/message").asText()).contains("Neutron");
        assertThat(net.neutron.get("/v2.0/routers?name=r").at("/routers").findValuesAsText("id")).containsExactly(id);
    }

    @Test
    void addingASubnetMakesALifAndADistributedInterfacePort() {
        String network = net.network("r-net-1");
        String subnet = net.subnet(network, "10.20.0.0/24");
        String router = net.create("router", "{\"name\":\"r1\",\"distributed\":true}").get("id").asText();
        var added = net.neutron.put("/v2.0/routers/" + router + "/add_router_interface", "{\"subnet_id\":\"" + subnet + "\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.at("/id").asText()).isEqualTo(router);
        assertThat(added.at("/subnet_id").asText()).isEqualTo(subnet);
        assertThat(added.at("/subnet_ids/0").asText()).isEqualTo(subnet);
        assertThat(added.at("/network_id").asText()).isEqualTo(network);
        assertThat(added.at("/tenant_id").asText()).isEqualTo("default");
        assertThat(added.at("/project_id").asText()).isEqualTo("default");
        String portId = added.at("/port_id").asText();

        JsonNode port = net.neutron.get("/v2.0/ports/" + portId).at("/port");
        assertThat(port.get("device_owner").asText()).isEqualTo("network:router_interface_distributed");
        assertThat(port.get("device_id").asText()).isEqualTo(router);
        assertThat(port.get("fixed_ips").toString())
                .isEqualTo("[{\"subnet_id\":\"" + subnet + "\",\"ip_address\":\"10.20.0.1\"}]");
        assertThat(port.get("mac_address").asText()).isEqualTo("02:50:56:56:44:52");
        assertThat(net.neutron.get("/v2.0/ports?device_id=" + router).at("/ports").findValuesAsText("id"))
                .containsExactly(portId);

        JsonNode lif = net.dlrOf(router).at("/interfaces/0");
        assertThat(lif.get("address").asText()).isEqualTo("10.20.0.1/24");
        assertThat(lif.get("logicalSwitchId").asText()).isEqualTo(net.logicalSwitchOf(network).get("id").asText());
        assertThat(lif.get("name").asText()).isEqualTo(portId);
        assertThat(net.dlrOf(router).get("transportZoneId").asText()).isEqualTo("vdnscope-1");

        assertNeutronError(net.neutron.put("/v2.0/routers/" + router + "/add_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}"), 400, "BadRequest");
        assertNeutronError(net.neutron.delete("/v2.0/routers/" + router), 409, "RouterInUse");
        assertNeutronError(net.neutron.delete("/v2.0/ports/" + portId), 409, "ServicePortInUse");
        assertNeutronError(net.neutron.delete("/v2.0/subnets/" + subnet), 409, "SubnetInUse");
        assertNeutronError(net.neutron.put("/v2.0/ports/" + portId, "{\"port\":{\"device_id\":\"\"}}"), 409, "PortInUse");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network + "\","
                + "\"device_owner\":\"network:router_interface_distributed\"}}"), 400, "InvalidInput");

        var removed = net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}");
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.at("/port_id").asText()).isEqualTo(portId);
        assertNeutronError(net.neutron.get("/v2.0/ports/" + portId), 404, "PortNotFound");
        assertThat(net.dlrOf(router).get("interfaces")).isEmpty();
        assertNeutronError(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}"), 404, "RouterInterfaceNotFoundForSubnet");

        assertThat(net.neutron.delete("/v2.0/routers/" + router).status()).isEqualTo(204);
        assertNeutronError(net.neutron.get("/v2.0/routers/" + router), 404, "RouterNotFound");
        assertThat(net.dlrOf(router)).as("the DLR went with the router").isNull();
    }

    @Test
    void aPortCanBecomeTheInterfaceAndKeepsItsAddressAndMac() {
        String network = net.network("r-net-2");
        String subnet = net.subnet(network, "10.21.0.0/24");
        JsonNode port = net.create("port", "{\"network_id\":\"" + network + "\",\"fixed_ips\":[{\"ip_address\":"
                + "\"10.21.0.254\"}]}");
        String router = net.create("router", "{\"name\":\"centralized\",\"distributed\":false}").get("id").asText();
        var added = net.neutron.put("/v2.0/routers/" + router + "/add_router_interface",
                "{\"port_id\":\"" + port.get("id").asText() + "\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.at("/subnet_id").asText()).isEqualTo(subnet);
        JsonNode adopted = net.neutron.get("/v2.0/ports/" + port.get("id").asText()).at("/port");
        assertThat(adopted.get("device_owner").asText()).isEqualTo("network:router_interface");
        assertThat(adopted.get("device_id").asText()).isEqualTo(router);
        JsonNode lif = net.dlrOf(router).at("/interfaces/0");
        assertThat(lif.get("address").asText()).isEqualTo("10.21.0.254/24");
        assertThat(lif.get("mac").asText()).isEqualTo(port.get("mac_address").asText());

        String other = net.create("router", "{\"name\":\"other\"}").get("id").asText();
        assertNeutronError(net.neutron.put("/v2.0/routers/" + other + "/add_router_interface",
                "{\"port_id\":\"" + port.get("id").asText() + "\"}"), 409, "PortInUse");
        assertNeutronError(net.neutron.put("/v2.0/routers/" + other + "/remove_router_interface",
                "{\"port_id\":\"" + port.get("id").asText() + "\"}"), 404, "RouterInterfaceNotFound");
        assertThat(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"port_id\":\"" + port.get("id").asText() + "\"}").status()).isEqualTo(200);
        assertNeutronError(net.neutron.get("/v2.0/ports/" + port.get("id").asText()), 404, "PortNotFound");
    }

    @Test
    void interfaceRequestsNameExactlyOneExistingTarget() {
        String router = net.create("router", "{\"name\":\"targets\"}").get("id").asText();
        String path = "/v2.0/routers/" + router + "/add_router_interface";
        assertNeutronError(net.neutron.put(path, "{\"subnet_id\":\"a\",\"port_id\":\"b\"}"), 400, "BadRequest");
        assertNeutronError(net.neutron.put(path, "{}"), 400, "BadRequest");
        assertNeutronError(net.neutron.put(path, "{\"network_id\":\"a\"}"), 400, "HTTPBadRequest");
        assertNeutronError(net.neutron.put(path, "{\"subnet_id\":\"no-such-subnet\"}"), 404, "SubnetNotFound");
        assertNeutronError(net.neutron.put(path, "{\"port_id\":\"no-such-port\"}"), 404, "PortNotFound");
        assertNeutronError(net.neutron.put("/v2.0/routers/no-such-router/add_router_interface", "{\"subnet_id\":\"a\"}"),
                404, "RouterNotFound");
        String network = net.network("no-gateway");
        String subnet = net.create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,"
                + "\"cidr\":\"10.22.0.0/24\",\"gateway_ip\":null}").get("id").asText();
        assertNeutronError(net.neutron.put(path, "{\"subnet_id\":\"" + subnet + "\"}"), 400, "BadRequest");
    }

    @Test
    void aNetworkOnAnotherRouterIsRefusedWithNothingWritten() {
        String network = net.network("shared-net");
        String subnet = net.subnet(network, "10.23.0.0/24");
        String first = net.create("router", "{\"name\":\"first\"}").get("id").asText();
        String second = net.create("router", "{\"name\":\"second\"}").get("id").asText();
        assertThat(net.neutron.put("/v2.0/routers/" + first + "/add_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}").status()).isEqualTo(200);
        String other = net.subnet(network, "10.23.1.0/24");
        var refused = assertNeutronError(net.neutron.put("/v2.0/routers/" + second + "/add_router_interface",
                "{\"subnet_id\":\"" + other + "\"}"), 409, "Conflict");
        assertThat(refused.at("/NeutronError/message").asText()).contains("at most one DLR");
        // A refused interface leaves no port, no address taken and no LIF.
        assertThat(net.neutron.get("/v2.0/ports?device_id=" + second).at("/ports")).isEmpty();
        assertThat(net.neutron.get("/v2.0/ports?fixed_ips=subnet_id%3D" + other).at("/ports")).isEmpty();
        assertThat(net.dlrOf(second).get("interfaces")).isEmpty();
    }

    @Test
    void routesAreTheDlrsStaticRoutesAndKeepTheirInterface() {
        var routed = net.routedSubnet("routes", "10.24.0.0/24");
        String subnet = routed.subnet();
        String router = routed.router();
        assertNeutronError(net.neutron.put("/v2.0/subnets/" + subnet, "{\"subnet\":{\"gateway_ip\":\"10.24.0.254\"}}"),
                409, "GatewayIpInUse");
        var updated = net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[{\"destination\":"
                + "\"172.16.0.0/16\",\"nexthop\":\"10.24.0.5\"},{\"destination\":\"0.0.0.0/0\",\"nexthop\":\"10.24.0.9\"}]}}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.at("/router/routes").findValuesAsText("destination"))
                .containsExactlyInAnyOrder("172.16.0.0/16", "0.0.0.0/0");
        JsonNode dlr = net.dlrOf(router);
        assertThat(dlr.at("/staticRoutes/0/network").asText()).isEqualTo("172.16.0.0/16");
        assertThat(dlr.at("/staticRoutes/0/nextHop").asText()).isEqualTo("10.24.0.5");
        assertThat(dlr.at("/defaultRoute/gatewayAddress").asText()).isEqualTo("10.24.0.9");

        assertNeutronError(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[{\"destination\":"
                + "\"172.17.0.0/16\",\"nexthop\":\"192.168.9.9\"}]}}"), 400, "InvalidRoutes");
        assertNeutronError(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[{\"destination\":"
                + "\"172.17.0.0/16\",\"nexthop\":\"10.24.0.5\"},{\"destination\":\"172.17.0.0/16\",\"nexthop\":"
                + "\"10.24.0.6\"}]}}"), 400, "InvalidRoutes");
        assertThat(net.neutron.get("/v2.0/routers/" + router).at("/router/routes")).hasSize(2);
        assertNeutronError(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}"), 409, "RouterInterfaceInUseByRoute");

        assertThat(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[]}}").status()).isEqualTo(200);
        assertThat(net.dlrOf(router).get("staticRoutes")).isEmpty();
        assertThat(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}").status()).isEqualTo(200);
    }

    @Test
    void distributedChangesOnlyWhileTheRouterIsDown() {
        String router = net.create("router", "{\"name\":\"flip\"}").get("id").asText();
        assertNeutronError(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"distributed\":false}}"), 400,
                "BadRequest");
        assertThat(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"admin_state_up\":false}}").status())
                .isEqualTo(200);
        var flipped = net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"distributed\":false,\"name\":\"flop\"}}");
        assertThat(flipped.status()).as(flipped.text()).isEqualTo(200);
        assertThat(flipped.at("/router/distributed").asBoolean()).isFalse();
        assertThat(flipped.at("/router/name").asText()).isEqualTo("flop");
        assertThat(net.neutron.get("/v2.0/routers?distributed=false&fields=id").at("/routers").findValuesAsText("id"))
                .contains(router);
        assertNeutronError(net.neutron.post("/v2.0/routers", "{\"router\":{\"external_gateway_info\":{\"network_id\":"
                + "\"x\"}}}"), 400, "InvalidInput");
        var tenant = assertNeutronError(net.neutron.post("/v2.0/routers", "{\"router\":{\"project_id\":\"a+b\"}}"), 400,
                "InvalidInput");
        assertThat(tenant.at("/NeutronError/message").asText()).contains("project_id");
    }

    @Test
    void aFailureTheApiDidNotForeseeIsA500ThatTellsNothingOfTheInsides() {
        var routed = net.routedSubnet("broken", "10.25.0.0/24");
        String subnet = routed.subnet();
        String router = routed.router();
        // Someone removed the LIF behind the API's back: the interface port now stands for nothing.
        net.manager.store().write((handle, generation) -> handle.execute("DELETE FROM lif"));
        var failed = assertNeutronError(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}"), 500, "HTTPInternalServerError");
        assertThat(failed.text()).doesNotContain("Exception").doesNotContain("org.netweave").doesNotContain("lif");
    }
}
