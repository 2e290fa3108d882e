package org.netweave.manager.network.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.network.NetworkFixture;

class SegmentPoolApiTest {
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
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void createListGetDelete() {
        var created = net.api.post("/segment-pools", "{\"name\":\"main\",\"begin\":5000,\"end\":5999}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("segmentpool-1");
        assertThat(created.at("/generation").asLong()).isEqualTo(net.store.generation());
        assertThat(created.at("/allocated").asInt()).isZero();
        assertThat(net.api.get("/segment-pools").body()).hasSize(1);
        assertThat(net.api.get("/segment-pools/segmentpool-1").at("/end").asInt()).isEqualTo(5999);
        var deleted = net.api.delete("/segment-pools/segmentpool-1");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/generation").asLong()).isEqualTo(net.store.generation());
        assertThat(net.api.get("/segment-pools").body()).isEmpty();
        NetworkFixture.assertError(net.api.get("/segment-pools/segmentpool-1"), 404, "not_found", "id");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        net.api.post("/segment-pools", "{\"name\":\"main\",\"begin\":5000,\"end\":5999}");
        net.refused(400, "malformed_json", null, () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":"));
        net.refused(400, "unknown_field", "colour",
                () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":7000,\"end\":7999,\"colour\":1}"));
        net.refused(400, "invalid_value", "begin", () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":4999,\"end\":6000}"));
        net.refused(400, "invalid_value", "end",
                () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":7000,\"end\":16777216}"));
        net.refused(400, "invalid_value", "end", () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":7000,\"end\":6999}"));
        net.refused(400, "missing_field", "end", () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":7000}"));
        net.refused(409, "conflict", "name", () -> net.api.post("/segment-pools", "{\"name\":\"main\",\"begin\":7000,\"end\":7999}"));
        var overlap = net.refused(409, "conflict", "begin",
                () -> net.api.post("/segment-pools", "{\"name\":\"x\",\"begin\":5500,\"end\":7999}"));
        assertThat(overlap.at("/message").asText()).contains("segmentpool-1");
    }

    @Test
    void aPoolWithAllocatedVnisStays() {
        var topology = net.topology();
        String web = net.logicalSwitch("web", topology.zoneA());
        assertThat(net.api.get("/segment-pools/" + topology.pool()).at("/allocated").asInt()).isEqualTo(1);
        var refused = net.refused(409, "in_use", null, () -> net.api.delete("/segment-pools/" + topology.pool()));
        assertThat(refused.at("/message").asText()).contains(web);
    }
}
