package org.netweave.manager.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.LabTopology;

/** The lab-mode operator drills: a controller's own show views, and stopping and starting a node. */
@Tag("embedded-zookeeper")
class ControllerOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Manager manager;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        new LabTopology(api).controllers(3);
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    @Test
    void aControllerShowsItsOwnStatusRolesAndStartupNodes() {
        var status = api.get("/controllers/controller-1/show/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.at("/text").asText()).contains("Join status:        Join complete",
                "Majority status:    Connected to cluster majority");
        assertThat(api.get("/controllers/controller-2/show/roles").at("/text").asText()).contains("switch_manager");
        assertThat(api.get("/controllers/controller-3/show/startup-nodes").at("/text").asText().split(",")).hasSize(3);
        var bad = api.get("/controllers/controller-1/show/everything");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/field").asText()).isEqualTo("view");
    }

    @Test
    void aStoppedControllerIsDownTheOthersKeepTheRolesAndItComesBack() {
        var stopped = api.post("/controllers/controller-2/stop", "");
        assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
        assertThat(stopped.at("/runtime/up").asBoolean()).isFalse();
        assertThat(api.post("/controllers/controller-2/stop", "").status()).isEqualTo(409);
        assertThat(api.get("/controllers/controller-2/show/status").status()).isEqualTo(503);
        await().atMost(WAIT).untilAsserted(() -> {
            var roles = new java.util.HashSet<String>();
            for (String id : new String[] {"controller-1", "controller-3"}) {
                api.get("/controllers/" + id).at("/runtime/masterOf").forEach(role -> roles.add(role.asText()));
            }
            assertThat(roles).hasSize(5);
        });

        var started = api.post("/controllers/controller-2/start", "");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(started.at("/runtime/up").asBoolean()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/controllers/controller-2/show/status")
                .at("/text").asText()).contains("Connected to cluster majority"));
        assertThat(api.post("/controllers/controller-2/start", "").status()).isEqualTo(409);
    }
}
