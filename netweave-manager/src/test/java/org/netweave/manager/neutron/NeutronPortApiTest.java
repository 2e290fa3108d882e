package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /v2.0/ports: MAC and fixed IP allocation, binding, filters. */
class NeutronPortApiTest {
    @RegisterExtension
    static final NeutronManager manager = NeutronManager.withZone();
    final NeutronFixture net = manager.get();

    @Test
    void aPortGetsAMacAndTheNextAddressOfTheFirstSubnet() {
        String network = net.network("alloc");
        String subnet = net.subnet(network, "10.10.0.0/24");
        JsonNode first = net.create("port", "{\"network_id\":\"" + network + "\",\"name\":\"vm1\","
                + "\"device_owner\":\"compute:nova\",\"device_id\":\"vm-uuid-1\",\"binding:host_id\":\"host-1\"}");
        assertThat(first.get("name").asText()).isEqualTo("vm1");
        assertThat(first.get("mac_address").asText()).startsWith("fa:16:3e:");
        assertThat(first.get("fixed_ips").toString())
                .isEqualTo("[{\"subnet_id\":\"" + subnet + "\",\"ip_address\":\"10.10.0.2\"}]");
        assertThat(first.get("status").asText()).isEqualTo("DOWN");
        assertThat(first.get("admin_state_up").asBoolean()).isTrue();
        assertThat(first.get("device_owner").asText()).isEqualTo("compute:nova");
        assertThat(first.get("device_id").asText()).isEqualTo("vm-uuid-1");
        assertThat(first.get("binding:host_id").asText()).isEqualTo("host-1");
        assertThat(first.get("network_id").asText()).isEqualTo(network);

        JsonNode second = net.create("port", "{\"network_id\":\"" + network + "\"}");
        assertThat(second.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.10.0.3");
        assertThat(second.get("mac_address").asText()).isNotEqualTo(first.get("mac_address").asText());
        assertThat(second.get("binding:host_id").asText()).isEmpty();
        assertThat(net.neutron.get("/v2.0/ports/" + first.get("id").asText()).at("/port")).isEqualTo(first);
    }

    @Test
    void aPortOnANetworkWithoutSubnetsHasNoAddress() {
        JsonNode port = net.create("port", "{\"network_id\":\"" + net.network("bare") + "\"}");
        assertThat(port.get("fixed_ips")).isEmpty();
    }

    @Test
    void aChosenAddressIsHeldOnceAndMustBeInTheSubnet() {
        String network = net.network("chosen");
        String subnet = net.subnet(network, "10.11.0.0/24");
        JsonNode port = net.create("port", "{\"network_id\":\"" + network
                + "\",\"fixed_ips\":[{\"ip_address\":\"10.11.0.50\"}]}");
        assertThat(port.at("/fixed_ips/0/subnet_id").asText()).isEqualTo(subnet);
        String again = "{\"port\":{\"network_id\":\"" + network + "\",\"fixed_ips\":[{\"subnet_id\":\"" + subnet
                + "\",\"ip_address\":\"10.11.0.50\"}]}}";
        var clash = assertNeutronError(net.neutron.post("/v2.0/ports", again), 409, "IpAddressAlreadyAllocated");
        assertThat(clash.at("/NeutronError/message").asText()).contains("10.11.0.50").contains(subnet);
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network
                + "\",\"fixed_ips\":[{\"subnet_id\":\"" + subnet + "\",\"ip_address\":\"10.12.0.5\"}]}}"), 400,
                "InvalidIpForSubnet");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network
                + "\",\"fixed_ips\":[{\"ip_address\":\"10.99.0.5\"}]}}"), 400, "InvalidInput");
        JsonNode bySubnet = net.create("port", "{\"network_id\":\"" + network + "\",\"fixed_ips\":[{\"subnet_id\":\""
                + subnet + "\"}]}");
        assertThat(bySubnet.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.11.0.2");
        assertThat(net.neutron.get("/v2.0/ports?network_id=" + network).at("/ports")).hasSize(2);
    }

    @Test
    void aSubnetWithEveryAddressTakenCannotGiveAnother() {
        String network = net.network("full");
        net.create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,\"cidr\":\"10.13.0.0/30\"}");
        assertThat(net.create("port", "{\"network_id\":\"" + network + "\"}").at("/fixed_ips/0/ip_address").asText())
                .isEqualTo("10.13.0.2");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network + "\"}}"), 409,
                "IpAddressGenerationFailure");
    }

    @Test
    void aMacIsUniqueOnItsNetwork() {
        String network = net.network("macs");
        JsonNode port = net.create("port", "{\"network_id\":\"" + network + "\",\"mac_address\":\"fa:16:3e:aa:bb:cc\"}");
        assertThat(port.get("mac_address").asText()).isEqualTo("fa:16:3e:aa:bb:cc");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network
                + "\",\"mac_address\":\"fa:16:3e:aa:bb:cc\"}}"), 409, "MacAddressInUse");
        net.create("port", "{\"network_id\":\"" + net.network("other-macs") + "\",\"mac_address\":\"fa:16:3e:aa:bb:cc\"}");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network
                + "\",\"mac_address\":\"not-a-mac\"}}"), 400, "InvalidInput");
    }

    @Test
    void listsFilterByDeviceAddressAndHost() {
        String network = net.network("port-filters");
        String subnet = net.subnet(network, "10.14.0.0/24");
        String a = net.create("port", "{\"network_id\":\"" + network + "\",\"device_id\":\"dev-a\","
                + "\"binding:host_id\":\"h1\"}").get("id").asText();
        String b = net.create("port", "{\"network_id\":\"" + network + "\",\"device_id\":\"dev-b\","
                + "\"binding:host_id\":\"h2\"}").get("id").asText();
        assertThat(net.neutron.get("/v2.0/ports?device_id=dev-b").at("/ports").findValuesAsText("id")).containsExactly(b);
        assertThat(net.neutron.get("/v2.0/ports?binding:host_id=h1&binding:host_id=h2&network_id=" + network)
                .at("/ports").findValuesAsText("id")).containsExactlyInAnyOrder(a, b);
        assertThat(net.neutron.get("/v2.0/ports?fixed_ips=ip_address%3D10.14.0.2").at("/ports").findValuesAsText("id"))
                .containsExactly(a);
        assertThat(net.neutron.get("/v2.0/ports?fixed_ips=subnet_id%3D" + subnet).at("/ports")).hasSize(2);
        assertThat(net.neutron.get("/v2.0/ports?device_id=dev-a&fields=mac_address&fields=status").at("/ports/0")
                .properties()).extracting(java.util.Map.Entry::getKey).containsExactly("mac_address", "status");
    }

    @Test
    void anUpdateBindsAndReaddressesAndADeleteFreesTheAddress() {
        String network = net.network("updates");
        net.subnet(network, "10.15.0.0/24");
        String id = net.create("port", "{\"network_id\":\"" + network + "\"}").get("id").asText();
        var updated = net.neutron.put("/v2.0/ports/" + id, "{\"port\":{\"binding:host_id\":\"host-7\",\"name\":\"n\","
                + "\"fixed_ips\":[{\"ip_address\":\"10.15.0.9\"}]}}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.at("/port/binding:host_id").asText()).isEqualTo("host-7");
        assertThat(updated.at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.15.0.9");
        assertNeutronError(net.neutron.put("/v2.0/ports/" + id, "{\"port\":{\"network_id\":\"x\"}}"), 400, "HTTPBadRequest");
        assertThat(net.create("port", "{\"network_id\":\"" + network + "\"}").at("/fixed_ips/0/ip_address").asText())
                .as("10.15.0.2 was given back by the update").isEqualTo("10.15.0.2");
        assertThat(net.neutron.delete("/v2.0/ports/" + id).status()).isEqualTo(204);
        assertNeutronError(net.neutron.get("/v2.0/ports/" + id), 404, "PortNotFound");
        assertNeutronError(net.neutron.delete("/v2.0/ports/" + id), 404, "PortNotFound");
        assertThat(net.create("port", "{\"network_id\":\"" + network + "\",\"fixed_ips\":[{\"ip_address\":\"10.15.0.9\"}]}")
                .at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.15.0.9");
    }

    @Test
    void aPortNeedsAnExistingNetwork() {
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"nope\"}}"), 404, "NetworkNotFound");
        assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{}}"), 400, "InvalidInput");
    }
}
