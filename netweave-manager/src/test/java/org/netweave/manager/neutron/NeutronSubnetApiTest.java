package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /v2.0/subnets: Neutron's defaults and checks for IPv4 subnets of a network. */
class NeutronSubnetApiTest {
    @RegisterExtension
    static final NeutronManager manager = NeutronManager.withZone();
    final NeutronFixture net = manager.get();

    @Test
    void theGatewayIsTheFirstAddressAndThePoolIsTheRest() {
        String network = net.network("defaults");
        JsonNode subnet = net.create("subnet", "{\"name\":\"s\",\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.1.0.0/24\"}");
        assertThat(subnet.get("name").asText()).isEqualTo("s");
        assertThat(subnet.get("network_id").asText()).isEqualTo(network);
        assertThat(subnet.get("ip_version").asInt()).isEqualTo(4);
        assertThat(subnet.get("cidr").asText()).isEqualTo("10.1.0.0/24");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.1.0.1");
        assertThat(subnet.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.1.0.2\",\"end\":\"10.1.0.254\"}]");
        assertThat(subnet.get("enable_dhcp").asBoolean()).isTrue();
        assertThat(net.neutron.get("/v2.0/networks/" + network).at("/network/subnets/0").asText())
                .isEqualTo(subnet.get("id").asText());
    }

    @Test
    void aGatewayInTheMiddleSplitsThePoolAndNullMeansNone() {
        String network = net.network("gateways");
        JsonNode middle = net.create("subnet", "{\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.2.0.0/29\",\"gateway_ip\":\"10.2.0.3\"}");
        assertThat(middle.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.2.0.1\",\"end\":\"10.2.0.2\"},"
                + "{\"start\":\"10.2.0.4\",\"end\":\"10.2.0.6\"}]");
        JsonNode none = net.create("subnet", "{\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.2.1.0/29\",\"gateway_ip\":null,\"enable_dhcp\":false}");
        assertThat(none.get("gateway_ip").isNull()).isTrue();
        assertThat(none.get("enable_dhcp").asBoolean()).isFalse();
        assertThat(none.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.2.1.1\",\"end\":\"10.2.1.6\"}]");
        JsonNode pools = net.create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,"
                + "\"cidr\":\"10.2.2.0/24\",\"allocation_pools\":[{\"start\":\"10.2.2.100\",\"end\":\"10.2.2.110\"}]}");
        assertThat(pools.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.2.2.100\",\"end\":\"10.2.2.110\"}]");
    }

    @Test
    void invalidSubnetsAreRefusedNamingTheAttribute() {
        String network = net.network("invalid");
        String base = "{\"subnet\":{\"network_id\":\"" + network + "\",";
        assertThat(error(base + "\"ip_version\":6,\"cidr\":\"fd00::/64\"}}", 400, "InvalidInput")).contains("ip_version");
        assertThat(error(base + "\"ip_version\":4}}", 400, "InvalidInput")).contains("cidr");
        assertThat(error(base + "\"ip_version\":4,\"cidr\":\"10.3.0.5/24\"}}", 400, "InvalidInput")).contains("cidr");
        assertThat(error(base + "\"ip_version\":4,\"cidr\":\"10.3.0.0/24\",\"gateway_ip\":\"10.4.0.1\"}}", 400,
                "InvalidInput")).contains("gateway_ip");
        assertThat(error(base + "\"ip_version\":4,\"cidr\":\"10.3.0.0/24\",\"allocation_pools\":[{\"start\":"
                + "\"10.3.0.1\",\"end\":\"10.3.0.9\"}]}}", 409, "GatewayConflictWithAllocationPools")).contains("10.3.0.1");
        assertThat(error("{\"subnet\":{\"network_id\":\"no-such-net\",\"ip_version\":4,\"cidr\":\"10.3.0.0/24\"}}", 404,
                "NetworkNotFound")).contains("no-such-net");
        net.subnet(network, "10.3.0.0/24");
        assertThat(error(base + "\"ip_version\":4,\"cidr\":\"10.3.0.128/25\"}}", 400, "InvalidInput")).contains("overlaps");
        assertThat(net.neutron.get("/v2.0/subnets?network_id=" + network).at("/subnets")).hasSize(1);
    }

    @Test
    void listsFilterAndAnUpdateChangesTheName() {
        String network = net.network("listing");
        String a = net.subnet(network, "10.5.0.0/24");
        String b = net.subnet(network, "10.5.1.0/24");
        assertThat(net.neutron.get("/v2.0/subnets?network_id=" + network).at("/subnets").findValuesAsText("id"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(net.neutron.get("/v2.0/subnets?cidr=10.5.1.0/24&fields=id").at("/subnets").toString())
                .isEqualTo("[{\"id\":\"" + b + "\"}]");
        var renamed = net.neutron.put("/v2.0/subnets/" + a, "{\"subnet\":{\"name\":\"renamed\",\"gateway_ip\":"
                + "\"10.5.0.254\",\"allocation_pools\":[{\"start\":\"10.5.0.2\",\"end\":\"10.5.0.9\"}]}}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.at("/subnet/gateway_ip").asText()).isEqualTo("10.5.0.254");
        assertThat(renamed.at("/subnet/allocation_pools").toString())
                .isEqualTo("[{\"start\":\"10.5.0.2\",\"end\":\"10.5.0.9\"}]");
        assertThat(net.neutron.get("/v2.0/subnets?name=renamed").at("/subnets").findValuesAsText("id")).containsExactly(a);
        assertNeutronError(net.neutron.put("/v2.0/subnets/" + a, "{\"subnet\":{\"cidr\":\"10.6.0.0/24\"}}"), 400,
                "HTTPBadRequest");
        assertNeutronError(net.neutron.get("/v2.0/subnets/nope"), 404, "SubnetNotFound");
    }

    @Test
    void aNewGatewayInsideTheKeptPoolsIsRefusedAlsoWhenThePoolsAreNull() {
        String subnet = net.subnet(net.network("gateway-in-pool"), "10.9.0.0/24");
        String message = assertNeutronError(net.neutron.put("/v2.0/subnets/" + subnet, "{\"subnet\":{\"gateway_ip\":"
                + "\"10.9.0.9\",\"allocation_pools\":null}}"), 409, "GatewayConflictWithAllocationPools")
                .at("/NeutronError/message").asText();
        assertThat(message).contains("10.9.0.9", "10.9.0.2-10.9.0.254");
        assertThat(net.neutron.get("/v2.0/subnets/" + subnet).at("/subnet/gateway_ip").asText()).isEqualTo("10.9.0.1");
    }

    @Test
    void aSubnetWithPortsIsInUseAndOtherwiseGoes() {
        String network = net.network("in-use");
        String subnet = net.subnet(network, "10.7.0.0/24");
        String port = net.create("port", "{\"network_id\":\"" + network + "\"}").get("id").asText();
        assertNeutronError(net.neutron.delete("/v2.0/subnets/" + subnet), 409, "SubnetInUse");
        assertThat(net.neutron.get("/v2.0/subnets/" + subnet).status()).isEqualTo(200);
        assertThat(net.neutron.delete("/v2.0/ports/" + port).status()).isEqualTo(204);
        assertThat(net.neutron.delete("/v2.0/subnets/" + subnet).status()).isEqualTo(204);
        assertNeutronError(net.neutron.get("/v2.0/subnets/" + subnet), 404, "SubnetNotFound");
        assertThat(net.neutron.get("/v2.0/networks/" + network).at("/network/subnets")).isEmpty();
    }

    private String error(String body, int status, String type) {
        return assertNeutronError(net.neutron.post("/v2.0/subnets", body), status, type).at("/NeutronError/message").asText();
    }
}
