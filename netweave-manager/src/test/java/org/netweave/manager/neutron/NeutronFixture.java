package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.ApiClient.Reply;

/**
 * A whole manager on H2 with no controllers (nothing the Neutron API does needs them), a client for
 * its native API and one for its root, where the Neutron API lives.
 */
final class NeutronFixture implements AutoCloseable {
    final Manager manager;
    final ApiClient api;
    final ApiClient neutron;

    private NeutronFixture(Manager manager) {
        this.manager = manager;
        this.api = new ApiClient(manager.apiPort());
        this.neutron = new ApiClient("http://127.0.0.1:" + manager.apiPort());
    }

    static NeutronFixture start(ManagerSettings settings) throws IOException {
        return new NeutronFixture(Manager.start(settings, new ExternalControllerFleet(Map.of())));
    }

    /** A manager with one transport zone and a segment pool: what a Neutron network needs. */
    static NeutronFixture withZone(Path dir) throws IOException {
        NeutronFixture fixture = start(ManagerSettings.local(dir).withoutApiAuth());
        fixture.segmentPool(5000, 5999);
        fixture.transportZone("neutron");
        return fixture;
    }

    void segmentPool(int begin, int end) {
        created(api.post("/segment-pools", "{\"name\":\"pool-" + begin + "\",\"begin\":" + begin + ",\"end\":" + end + "}"));
    }

    /** A zone over a new cluster of its own; returns its id. */
    String transportZone(String name) {
        String dc = created(api.post("/datacenters", "{\"name\":\"dc-" + name + "\"}")).at("/id").asText();
        String cluster = created(api.post("/clusters", "{\"datacenterId\":\"" + dc + "\",\"name\":\"c-" + name + "\"}"))
                .at("/id").asText();
        return created(api.post("/transport-zones", "{\"name\":\"" + name + "\",\"replicationMode\":\"UNICAST\","
                + "\"clusterIds\":[\"" + cluster + "\"]}")).at("/id").asText();
    }

    /** POSTs {@code {"<singular>": <attributes>}} to {@code /v2.0/<singular>s}, expects 201, returns the resource. */
    JsonNode create(String singular, String attributes) {
        Reply reply = neutron.post("/v2.0/" + singular + "s", "{\"" + singular + "\":" + attributes + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.at("/" + singular);
    }

    String network(String name) {
        return create("network", "{\"name\":\"" + name + "\"}").get("id").asText();
    }

    String subnet(String network, String cidr) {
        return create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,\"cidr\":\"" + cidr + "\"}")
                .get("id").asText();
    }

    /** A network, a subnet of it, and a router with an interface on that subnet, all named {@code name}. */
    record RoutedSubnet(String network, String subnet, String router) {
    }

    RoutedSubnet routedSubnet(String name, String cidr) {
        String network = network(name);
        String subnet = subnet(network, cidr);
        String router = create("router", "{\"name\":\"" + name + "\"}").get("id").asText();
        Reply added = neutron.put("/v2.0/routers/" + router + "/add_router_interface", "{\"subnet_id\":\"" + subnet + "\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        return new RoutedSubnet(network, subnet, router);
    }

    /** The native logical switch a Neutron network is. */
    JsonNode logicalSwitchOf(String network) {
        for (JsonNode ls : api.get("/logical-switches").body()) {
            if (ls.get("name").asText().equals("neutron-" + network)) {
                return ls;
            }
        }
        return null;
    }

    /** The native DLR a Neutron router is. */
    JsonNode dlrOf(String router) {
        for (JsonNode dlr : api.get("/dlrs").body()) {
            if (dlr.get("name").asText().equals("neutron-" + router)) {
                return api.get("/dlrs/" + dlr.get("id").asText()).body();
            }
        }
        return null;
    }

    /** A NeutronError body of that status and type, with a message for people. */
    static Reply assertNeutronError(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.at("/NeutronError/type").asText()).as(reply.text()).isEqualTo(type);
        assertThat(reply.at("/NeutronError/message").asText()).as(reply.text()).isNotBlank();
        assertThat(reply.at("/NeutronError/detail").isTextual()).as(reply.text()).isTrue();
        return reply;
    }

    private static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    @Override
    public void close() {
        manager.close();
    }
}
