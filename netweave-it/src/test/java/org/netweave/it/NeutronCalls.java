package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ManagerApi;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * The Neutron v2.0 calls the seed 003 tests make, as Nova and the OpenStack client would, and
 * where the manager's native API shows their results (a network's logical switch, a router's DLR).
 */
final class NeutronCalls {
    private final String root;
    private final ManagerApi api;
    private final String token;

    /**
     * @param apiUrl the manager's /api/v1 URL; Neutron is served beside it
     * @param token  the API token: sent as a bearer token, and in X-Auth-Token as OpenStack clients send it
     */
    NeutronCalls(String apiUrl, String token) {
        this.root = apiUrl.replaceFirst("/api/v1/?$", "");
        this.api = new ManagerApi(root, Optional.of(token));
        this.token = token;
    }

    JsonNode create(String singular, String attributes) {
        return api.post("/v2.0/" + singular + "s", "{\"" + singular + "\":" + attributes + "}").path(singular);
    }

    /** A network; its id. */
    String network(String name) {
        return create("network", "{\"name\":\"" + name + "\"}").get("id").asText();
    }

    /** An IPv4 subnet of {@code network}; its id. */
    String subnet(String network, String cidr) {
        return create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,\"cidr\":\"" + cidr + "\"}")
                .get("id").asText();
    }

    /** A distributed router; its id. */
    String distributedRouter(String name) {
        return create("router", "{\"name\":\"" + name + "\",\"distributed\":true}").get("id").asText();
    }

    /** A VM port bound to {@code host}, as Nova makes it before plugging the VM there. */
    JsonNode vmPort(String network, HostId host) {
        return create("port", "{\"network_id\":\"" + network + "\",\"device_owner\":\"compute:nova\","
                + "\"binding:host_id\":\"" + host.value() + "\"}");
    }

    void addInterface(String router, String subnet) {
        api.put("/v2.0/routers/" + router + "/add_router_interface", "{\"subnet_id\":\"" + subnet + "\"}");
    }

    void removeInterface(String router, String subnet) {
        api.put("/v2.0/routers/" + router + "/remove_router_interface", "{\"subnet_id\":\"" + subnet + "\"}");
    }

    /** DELETE, which Neutron answers with 204. */
    void delete(String path) {
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(root + path)).header("X-Auth-Token", token).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(204);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The DLR the manager made for a Neutron router. */
    DlrId dlrOf(String router) {
        return DlrId.of(api.get("/api/v1/dlrs").findValues("id").stream().map(JsonNode::asText)
                .filter(id -> api.get("/api/v1/dlrs/" + id).path("name").asText().equals("neutron-" + router))
                .findFirst().orElseThrow(() -> new AssertionError("no DLR for router " + router)));
    }

    /** The VNI of a Neutron network's logical switch. */
    Vni vniOf(String network) {
        for (JsonNode ls : api.get("/api/v1/logical-switches")) {
            if (ls.path("name").asText().equals("neutron-" + network)) {
                return Vni.of(ls.path("vni").asInt());
            }
        }
        throw new AssertionError("no logical switch for network " + network);
    }

    static Ipv4Address ip(JsonNode port) {
        return Ipv4Address.parse(port.path("fixed_ips").get(0).path("ip_address").asText());
    }

    static MacAddress mac(JsonNode port) {
        return MacAddress.parse(port.path("mac_address").asText());
    }
}
