package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.testing.TestDatabases;

/**
 * Every statement of the Neutron tables on PostgreSQL (the other tests run on H2): a routed
 * network built, changed and taken apart on a manager whose store is a fresh PostgreSQL database.
 */
class NeutronPostgresTest {
    @Test
    void aRoutedNetworkLivesAndGoesOnPostgresql(@TempDir Path dir) throws Exception {
        TestDatabases.PgDatabase pg = TestDatabases.createPostgresDatabase();
        try (NeutronFixture net = NeutronFixture.start(ManagerSettings.local(dir).withoutApiAuth().withDatabase(pg.url(), pg.user(),
                pg.password()))) {
            net.segmentPool(5000, 5999);
            net.transportZone("pg");
            String network = net.network("pg-net");
            String subnet = net.create("subnet", "{\"network_id\":\"" + network + "\",\"ip_version\":4,\"cidr\":"
                    + "\"10.40.0.0/24\",\"allocation_pools\":[{\"start\":\"10.40.0.10\",\"end\":\"10.40.0.20\"}]}")
                    .get("id").asText();
            JsonNode port = net.create("port", "{\"network_id\":\"" + network + "\",\"binding:host_id\":\"h\"}");
            assertThat(port.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.40.0.10");
            assertNeutronError(net.neutron.post("/v2.0/ports", "{\"port\":{\"network_id\":\"" + network
                    + "\",\"fixed_ips\":[{\"ip_address\":\"10.40.0.10\"}]}}"), 409, "IpAddressAlreadyAllocated");
            String router = net.create("router", "{\"name\":\"pg-r\",\"distributed\":true}").get("id").asText();
            assertThat(net.neutron.put("/v2.0/routers/" + router + "/add_router_interface",
                    "{\"subnet_id\":\"" + subnet + "\"}").status()).isEqualTo(200);
            assertThat(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[{\"destination\":"
                    + "\"172.16.0.0/12\",\"nexthop\":\"10.40.0.10\"}]}}").status()).isEqualTo(200);
            assertThat(net.neutron.get("/v2.0/routers/" + router).at("/router/routes/0/destination").asText())
                    .isEqualTo("172.16.0.0/12");
            assertThat(net.neutron.get("/v2.0/ports?network_id=" + network + "&fields=device_owner").at("/ports")
                    .findValuesAsText("device_owner")).containsExactlyInAnyOrder("", "network:router_interface_distributed");
            assertThat(net.neutron.put("/v2.0/routers/" + router, "{\"router\":{\"routes\":[]}}").status()).isEqualTo(200);
            assertThat(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                    "{\"subnet_id\":\"" + subnet + "\"}").status()).isEqualTo(200);
            assertThat(net.neutron.delete("/v2.0/routers/" + router).status()).isEqualTo(204);
            assertThat(net.neutron.delete("/v2.0/ports/" + port.get("id").asText()).status()).isEqualTo(204);
            assertThat(net.neutron.delete("/v2.0/networks/" + network).status()).isEqualTo(204);
            assertThat(net.neutron.get("/v2.0/subnets").at("/subnets")).isEmpty();
            assertThat(net.api.get("/logical-switches").body()).isEmpty();
            assertThat(net.api.get("/dlrs").body()).isEmpty();
        } finally {
            pg.drop().run();
        }
    }
}
