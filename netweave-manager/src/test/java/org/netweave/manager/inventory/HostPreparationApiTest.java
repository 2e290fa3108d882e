package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.inventory.InventoryFixture.assertRefused;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NSX host preparation: IP pools, VTEP VMkernel ports, router MACs. */
class HostPreparationApiTest {
    @TempDir
    static Path dir;

    private static InventoryFixture fx;
    private String datacenter;
    private String cluster;

    @BeforeAll
    static void start() {
        fx = InventoryFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void compute() {
        fx.reset();
        datacenter = fx.datacenter("lab");
        cluster = fx.cluster(datacenter, "compute");
    }

    private static String prepare(String pool) {
        return "{\"ipPoolId\":\"" + pool + "\"}";
    }

    @Test
    void ipPoolsShowTheirRangeAndHowMuchIsAllocated() {
        var created = fx.api.post("/ip-pools", "{\"name\":\"vtep\",\"start\":\"192.168.50.10\",\"end\":\"192.168.50.19\","
                + "\"prefixLength\":24,\"gateway\":\"192.168.50.1\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("ipaddresspool-1");
        assertThat(created.at("/size").asLong()).isEqualTo(10);
        assertThat(created.at("/allocated").asLong()).isZero();
        assertThat(created.at("/gateway").asText()).isEqualTo("192.168.50.1");
        assertThat(fx.api.get("/ip-pools").body().findValuesAsText("id")).containsExactly("ipaddresspool-1");

        String before = fx.snapshot();
        assertRefused(fx.api.post("/ip-pools", "{\"name\":\"vtep\",\"start\":\"192.168.51.10\",\"end\":\"192.168.51.19\","
                + "\"prefixLength\":24}"), 409, "conflict", "name");
        assertRefused(fx.api.post("/ip-pools", "{\"name\":\"b\",\"start\":\"192.168.51.10\",\"end\":\"192.168.52.19\","
                + "\"prefixLength\":24}"), 400, "invalid_value", "end");
        assertRefused(fx.api.post("/ip-pools", "{\"name\":\"b\",\"start\":\"192.168.51.10\",\"end\":\"192.168.51.19\","
                + "\"prefixLength\":24,\"gateway\":\"192.168.51.11\"}"), 400, "invalid_value", "gateway");
        assertRefused(fx.api.post("/ip-pools", "{\"name\":\"b\",\"start\":\"192.168.51.10\",\"end\":\"192.168.51.19\"}"),
                400, "missing_field", "prefixLength");
        assertRefused(fx.api.post("/ip-pools", "{\"name\":\"b\",\"start\":\"192.168.51\",\"end\":\"192.168.51.19\","
                + "\"prefixLength\":24}"), 400, "invalid_value", "start");
        assertRefused(fx.api.get("/ip-pools/ipaddresspool-9"), 404, "not_found", "id");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void preparingAClusterGivesEachHostAVtepPortAndItsOwnRouterMac() {
        fx.host(cluster, 1);
        fx.hostWithoutVmotion(cluster, 2);
        String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
        var prepared = fx.api.post("/clusters/" + cluster + "/prepare", prepare(pool));
        assertThat(prepared.status()).as(prepared.text()).isEqualTo(200);
        assertThat(prepared.at("/prepared").asBoolean()).isTrue();
        assertThat(prepared.at("/vtepIpPoolId").asText()).isEqualTo(pool);
        assertThat(prepared.at("/generation").asLong()).isEqualTo(fx.store.generation());

        var one = fx.api.get("/hosts/host-1");
        assertThat(one.at("/prepared").asBoolean()).isTrue();
        assertThat(one.at("/vtepIp").asText()).isEqualTo("192.168.50.10");
        assertThat(one.at("/routerMac").asText()).isEqualTo("02:4e:57:00:00:01");
        assertThat(one.at("/vmkernelPorts/2/device").asText()).isEqualTo("vmk2");
        assertThat(one.at("/vmkernelPorts/2/ip").asText()).isEqualTo("192.168.50.10");
        assertThat(one.at("/vmkernelPorts/2/prefixLength").asInt()).isEqualTo(24);
        assertThat(one.at("/vmkernelPorts/2/services/0").asText()).isEqualTo("VTEP");
        assertThat(one.at("/generation").asLong()).isEqualTo(fx.store.generation());
        var two = fx.api.get("/hosts/host-2");
        assertThat(two.at("/vtepIp").asText()).isEqualTo("192.168.50.11");
        assertThat(two.at("/routerMac").asText()).isEqualTo("02:4e:57:00:00:02");
        assertThat(two.at("/vmkernelPorts/1/device").asText()).as("host-2 had only vmk0").isEqualTo("vmk1");
        assertThat(fx.api.get("/ip-pools/" + pool).at("/allocated").asLong()).isEqualTo(2);

        // Again: nothing changes for hosts already prepared.
        String hostsBefore = fx.api.get("/hosts").text();
        assertThat(fx.api.post("/clusters/" + cluster + "/prepare", prepare(pool)).status()).isEqualTo(200);
        assertThat(fx.api.post("/hosts/host-1/prepare", prepare(pool)).status()).isEqualTo(200);
        assertThat(fx.api.get("/hosts").text()).isEqualTo(hostsBefore);
    }

    @Test
    void aHostThatJoinsAPreparedClusterIsPreparedAsItJoins() {
        String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
        assertThat(fx.api.post("/clusters/" + cluster + "/prepare", prepare(pool)).status()).isEqualTo(200);
        var joined = fx.api.post("/hosts", InventoryFixture.hostJson(cluster, "esx-1", 1, "[\"VMOTION\"]"));
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.at("/prepared").asBoolean()).isTrue();
        assertThat(joined.at("/vtepIp").asText()).isEqualTo("192.168.50.10");
        assertThat(joined.at("/routerMac").asText()).isEqualTo("02:4e:57:00:00:01");
    }

    @Test
    void anExhaustedPoolPreparesNothingAndAddsNoHost() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        String small = fx.pool("small", "192.168.50.10", "192.168.50.10");
        String before = fx.snapshot();
        var refused = fx.api.post("/clusters/" + cluster + "/prepare", prepare(small));
        assertRefused(refused, 409, "conflict", "ipPoolId");
        assertThat(refused.at("/message").asText()).contains("1 free address", "2 hosts");
        assertThat(fx.snapshot()).as("no host half-prepared").isEqualTo(before);

        String other = fx.cluster(datacenter, "edge");
        assertThat(fx.api.post("/clusters/" + other + "/prepare", prepare(small)).status()).isEqualTo(200);
        fx.host(other, 3);
        before = fx.snapshot();
        assertRefused(fx.api.post("/hosts", InventoryFixture.hostJson(other, "esx-4", 4, null)), 409, "conflict", "ipPoolId");
        assertThat(fx.snapshot()).as("the host is not added unprepared").isEqualTo(before);
    }

    @Test
    void preparationRefusalsNameTheField() {
        fx.host(cluster, 1);
        String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
        String other = fx.pool("other", "192.168.60.10", "192.168.60.19");
        assertThat(fx.api.post("/clusters/" + cluster + "/prepare", prepare(pool)).status()).isEqualTo(200);
        String before = fx.snapshot();
        assertRefused(fx.api.post("/clusters/" + cluster + "/prepare", prepare(other)), 409, "conflict", "ipPoolId");
        assertRefused(fx.api.post("/clusters/" + cluster + "/prepare", prepare("ipaddresspool-9")), 404, "not_found", "ipPoolId");
        assertRefused(fx.api.post("/clusters/domain-c9/prepare", prepare(pool)), 404, "not_found", "id");
        assertRefused(fx.api.post("/clusters/" + cluster + "/prepare", "{}"), 400, "missing_field", "ipPoolId");
        assertRefused(fx.api.post("/hosts/host-9/prepare", prepare(pool)), 404, "not_found", "id");
        assertRefused(fx.api.delete("/ip-pools/" + pool), 409, "in_use", "id");
        assertThat(fx.snapshot()).isEqualTo(before);
        assertThat(fx.api.delete("/ip-pools/" + other).status()).isEqualTo(200);
    }

    @Test
    void routerMacsAndVnicMacsNeverCoincide() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
        // An operator took the MAC the allocator would give host-1 next ...
        fx.create("/vms", "{\"name\":\"odd\",\"hostId\":\"host-2\",\"vnics\":[{\"mac\":\"02:4e:57:00:00:01\"}]}");
        assertThat(fx.api.post("/hosts/host-1/prepare", prepare(pool)).at("/routerMac").asText()).isEqualTo("02:4e:57:00:00:02");
        // ... and no vNIC may take a host's router MAC.
        String before = fx.snapshot();
        var refused = fx.api.post("/vms", "{\"name\":\"x\",\"hostId\":\"host-2\",\"vnics\":[{\"mac\":\"02:4e:57:00:00:02\"}]}");
        assertRefused(refused, 409, "conflict", "vnics[0].mac");
        assertThat(refused.at("/message").asText()).contains("router MAC of host host-1");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void oneHostCanBePreparedOnItsOwn() {
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        String pool = fx.pool("vtep", "192.168.50.10", "192.168.50.19");
        var prepared = fx.api.post("/hosts/host-2/prepare", prepare(pool));
        assertThat(prepared.status()).isEqualTo(200);
        assertThat(prepared.at("/vtepIp").asText()).isEqualTo("192.168.50.10");
        assertThat(fx.api.get("/hosts/host-1").at("/prepared").asBoolean()).isFalse();
        assertThat(fx.api.get("/clusters/" + cluster).at("/prepared").asBoolean()).isFalse();
    }
}
