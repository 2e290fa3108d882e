package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /v2.0/networks against a real manager: a network is a logical switch. */
class NeutronNetworkApiTest {
    @RegisterExtension
    static final NeutronManager manager = NeutronManager.withZone();
    final NeutronFixture net = manager.get();

    @Test
    void aNewNetworkHasNeutronsDefaultsAndIsALogicalSwitchOfTheZone() {
        JsonNode network = net.create("network", "{\"name\":\"web\"}");
        String id = network.get("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(network.get("name").asText()).isEqualTo("web");
        assertThat(network.get("admin_state_up").asBoolean()).isTrue();
        assertThat(network.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(network.get("shared").asBoolean()).isFalse();
        assertThat(network.get("subnets")).isEmpty();
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        assertThat(network.get("tenant_id").asText()).isEqualTo("default").isEqualTo(network.get("project_id").asText());

        JsonNode logicalSwitch = net.logicalSwitchOf(id);
        assertThat(logicalSwitch).as("the network's logical switch in /api/v1").isNotNull();
        assertThat(logicalSwitch.get("transportZoneId").asText()).isEqualTo("vdnscope-1");
        assertThat(logicalSwitch.get("vni").asInt()).isBetween(5000, 5999);

        var shown = net.neutron.get("/v2.0/networks/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.at("/network")).isEqualTo(network);
    }

    @Test
    void theProjectComesFromTheBodyAndBothNamesMustAgree() {
        JsonNode network = net.create("network", "{\"name\":\"p\",\"tenant_id\":\"abc123\"}");
        assertThat(network.get("project_id").asText()).isEqualTo("abc123");
        assertNeutronError(net.neutron.post("/v2.0/networks",
                "{\"network\":{\"tenant_id\":\"a\",\"project_id\":\"b\"}}"), 400, "InvalidInput");
    }

    @Test
    void anUnknownIdIs404NotFound() {
        var reply = assertNeutronError(net.neutron.get("/v2.0/networks/net-that-is-not"), 404, "NetworkNotFound");
        assertThat(reply.at("/NeutronError/message").asText()).isEqualTo("Network net-that-is-not could not be found.");
        assertNeutronError(net.neutron.put("/v2.0/networks/nope", "{\"network\":{\"name\":\"x\"}}"), 404, "NetworkNotFound");
        assertNeutronError(net.neutron.delete("/v2.0/networks/nope"), 404, "NetworkNotFound");
    }

    @Test
    void listsFilterByAttributesWithRepeatedKeysMeaningOr() {
        String a = net.network("filter-a");
        String b = net.network("filter-b");
        net.network("filter-c");
        assertThat(net.neutron.get("/v2.0/networks?name=filter-a").at("/networks").findValuesAsText("id"))
                .containsExactly(a);
        assertThat(net.neutron.get("/v2.0/networks?name=filter-a&name=filter-b").at("/networks").findValuesAsText("id"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(net.neutron.get("/v2.0/networks?name=filter-a&id=" + b).at("/networks")).isEmpty();
        assertThat(net.neutron.get("/v2.0/networks?name=nothing-has-this-name").at("/networks")).isEmpty();
        net.neutron.put("/v2.0/networks/" + b, "{\"network\":{\"admin_state_up\":false}}");
        assertThat(net.neutron.get("/v2.0/networks?admin_state_up=False").at("/networks").findValuesAsText("id"))
                .containsExactly(b);
        assertNeutronError(net.neutron.get("/v2.0/networks?colour=red"), 400, "HTTPBadRequest");
    }

    @Test
    void fieldsKeepsOnlyTheNamedAttributes() {
        String id = net.network("fields");
        var listed = net.neutron.get("/v2.0/networks?name=fields&fields=id&fields=name");
        assertThat(listed.at("/networks/0").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("id", "name");
        var shown = net.neutron.get("/v2.0/networks/" + id + "?fields=mtu");
        assertThat(shown.at("/network").properties()).extracting(java.util.Map.Entry::getKey).containsExactly("mtu");
    }

    @Test
    void anUpdateChangesNameAndFlagsButNotTheSwitch() {
        String id = net.network("before");
        String logicalSwitch = net.logicalSwitchOf(id).get("id").asText();
        var updated = net.neutron.put("/v2.0/networks/" + id, "{\"network\":{\"name\":\"after\",\"shared\":true}}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.at("/network/name").asText()).isEqualTo("after");
        assertThat(updated.at("/network/shared").asBoolean()).isTrue();
        assertThat(net.logicalSwitchOf(id).get("id").asText()).isEqualTo(logicalSwitch);
        assertNeutronError(net.neutron.put("/v2.0/networks/" + id, "{\"network\":{\"mtu\":9000}}"), 400, "HTTPBadRequest");
    }

    @Test
    void badBodiesAre400sNamingTheAttribute() {
        var unknown = assertNeutronError(net.neutron.post("/v2.0/networks", "{\"network\":{\"name\":\"x\",\"colour\":\"red\"}}"),
                400, "HTTPBadRequest");
        assertThat(unknown.at("/NeutronError/message").asText()).contains("colour");
        var wrongType = assertNeutronError(net.neutron.post("/v2.0/networks",
                "{\"network\":{\"admin_state_up\":\"maybe\"}}"), 400, "InvalidInput");
        assertThat(wrongType.at("/NeutronError/message").asText()).contains("admin_state_up");
        assertNeutronError(net.neutron.post("/v2.0/networks", "{\"name\":\"unwrapped\"}"), 400, "HTTPBadRequest");
        assertNeutronError(net.neutron.post("/v2.0/networks", "{not json"), 400, "HTTPBadRequest");
        assertThat(net.neutron.get("/v2.0/networks?name=x").at("/networks")).isEmpty();
    }

    @Test
    void deletingANetworkDeletesItsSubnetsAndItsLogicalSwitch() {
        String id = net.network("gone");
        String subnet = net.subnet(id, "10.9.0.0/24");
        String logicalSwitch = net.logicalSwitchOf(id).get("id").asText();
        var deleted = net.neutron.delete("/v2.0/networks/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertNeutronError(net.neutron.get("/v2.0/networks/" + id), 404, "NetworkNotFound");
        assertNeutronError(net.neutron.get("/v2.0/subnets/" + subnet), 404, "SubnetNotFound");
        assertThat(net.api.get("/logical-switches/" + logicalSwitch).status()).isEqualTo(404);
    }

    @Test
    void aNetworkWithPortsIsInUse() {
        String id = net.network("busy");
        String port = net.create("port", "{\"network_id\":\"" + id + "\"}").get("id").asText();
        assertNeutronError(net.neutron.delete("/v2.0/networks/" + id), 409, "NetworkInUse");
        assertThat(net.logicalSwitchOf(id)).as("the refused delete changed nothing").isNotNull();
        assertThat(net.neutron.delete("/v2.0/ports/" + port).status()).isEqualTo(204);
        assertThat(net.neutron.delete("/v2.0/networks/" + id).status()).isEqualTo(204);
    }

    @Test
    void deletingTheLogicalSwitchNativelyDeletesTheNetworkWithIt() {
        String id = net.network("native-delete");
        String subnet = net.subnet(id, "10.8.0.0/24");
        String port = net.create("port", "{\"network_id\":\"" + id + "\"}").get("id").asText();
        String logicalSwitch = net.logicalSwitchOf(id).get("id").asText();
        assertThat(net.api.delete("/logical-switches/" + logicalSwitch).status()).isEqualTo(200);
        assertNeutronError(net.neutron.get("/v2.0/networks/" + id), 404, "NetworkNotFound");
        assertNeutronError(net.neutron.get("/v2.0/subnets/" + subnet), 404, "SubnetNotFound");
        assertNeutronError(net.neutron.get("/v2.0/ports/" + port), 404, "PortNotFound");
    }
}
