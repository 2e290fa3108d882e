package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client: Debian's OpenStack CLI, without Keystone, pointed at the manager's root, builds
 * a routed network, shows and lists it, and takes it apart again; each step is checked in the
 * CLI's JSON output and, where it is the point, in the native model behind it.
 */
class NeutronOpenStackCliTest {
    @RegisterExtension
    static final NeutronManager manager = NeutronManager.withZone();
    final NeutronFixture net = manager.get();

    @BeforeAll
    static void openstackIsInstalled() {
        OpenStackCli.assumeInstalled();
    }

    @Test
    void theOpenStackCliBuildsAndRemovesARoutedNetwork(@TempDir Path home) throws Exception {
        OpenStackCli os = new OpenStackCli("http://127.0.0.1:" + net.manager.apiPort(), home);

        JsonNode network = os.json("network", "create", "net1");
        String networkId = network.get("id").asText();
        assertThat(network.get("name").asText()).isEqualTo("net1");
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        JsonNode logicalSwitch = net.logicalSwitchOf(networkId);
        assertThat(logicalSwitch).as("net1 is a logical switch in /api/v1").isNotNull();

        JsonNode subnet = os.json("subnet", "create", "--network", "net1", "--subnet-range", "10.0.0.0/24", "sub1");
        String subnetId = subnet.get("id").asText();
        assertThat(subnet.get("network_id").asText()).isEqualTo(networkId);
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.0.0.1");

        JsonNode router = os.json("router", "create", "--distributed", "r1");
        String routerId = router.get("id").asText();
        assertThat(router.get("distributed").asBoolean()).isTrue();
        assertThat(net.dlrOf(routerId).get("state").asText()).isEqualTo("STORED");

        os.ok("router", "add", "subnet", "r1", "sub1");
        JsonNode lif = net.dlrOf(routerId).at("/interfaces/0");
        assertThat(lif.get("address").asText()).isEqualTo("10.0.0.1/24");
        assertThat(lif.get("logicalSwitchId").asText()).isEqualTo(logicalSwitch.get("id").asText());

        JsonNode port = os.json("port", "create", "--network", "net1", "--host", "host-1", "p1");
        String portId = port.get("id").asText();
        assertThat(port.get("binding_host_id").asText()).isEqualTo("host-1");
        assertThat(port.get("fixed_ips").toString()).contains("10.0.0.2");

        os.ok("router", "set", "r1", "--route", "destination=10.1.0.0/24,gateway=10.0.0.5");
        assertThat(net.dlrOf(routerId).at("/staticRoutes/0/nextHop").asText()).isEqualTo("10.0.0.5");

        assertThat(os.json("network", "show", "net1").get("subnets").toString()).contains(subnetId);
        assertThat(os.json("subnet", "show", "sub1").get("cidr").asText()).isEqualTo("10.0.0.0/24");
        JsonNode shownRouter = os.json("router", "show", "r1");
        assertThat(shownRouter.get("id").asText()).isEqualTo(routerId);
        assertThat(shownRouter.get("interfaces_info").toString()).contains(subnetId).contains("10.0.0.1");
        assertThat(shownRouter.get("routes").toString()).contains("10.1.0.0/24").contains("10.0.0.5");
        assertThat(os.json("port", "show", "p1").get("mac_address").asText()).startsWith("fa:16:3e:");

        assertThat(os.json("network", "list").findValuesAsText("ID")).containsExactly(networkId);
        assertThat(os.json("subnet", "list").findValuesAsText("ID")).containsExactly(subnetId);
        assertThat(os.json("router", "list").findValuesAsText("ID")).containsExactly(routerId);
        JsonNode ports = os.json("port", "list", "--network", "net1");
        assertThat(ports.findValuesAsText("ID")).hasSize(2).contains(portId);
        assertThat(os.json("port", "list", "--router", "r1").findValuesAsText("ID")).hasSize(1).doesNotContain(portId);

        os.ok("router", "set", "r1", "--no-route");
        assertThat(net.dlrOf(routerId).get("staticRoutes")).isEmpty();
        os.ok("router", "remove", "subnet", "r1", "sub1");
        assertThat(net.dlrOf(routerId).get("interfaces")).isEmpty();
        assertThat(net.neutron.get("/v2.0/ports?network_id=" + networkId).at("/ports").findValuesAsText("id"))
                .containsExactly(portId);

        os.ok("port", "delete", "p1");
        os.ok("router", "delete", "r1");
        os.ok("subnet", "delete", "sub1");
        os.ok("network", "delete", "net1");
        assertThat(net.neutron.get("/v2.0/ports").at("/ports")).isEmpty();
        assertThat(net.neutron.get("/v2.0/routers").at("/routers")).isEmpty();
        assertThat(net.neutron.get("/v2.0/subnets").at("/subnets")).isEmpty();
        assertThat(net.neutron.get("/v2.0/networks").at("/networks")).isEmpty();
        assertThat(net.dlrOf(routerId)).isNull();
        assertThat(net.api.get("/logical-switches/" + logicalSwitch.get("id").asText()).status()).isEqualTo(404);

        var missing = os.run("network", "show", "net1");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("net1");
    }
}
