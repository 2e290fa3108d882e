package org.netweave.manager.dlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.hostagent.DlrRealization;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostAgents;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.DlrId;

/**
 * Seed 000 end to end: a DLR deployed through the manager's API with real controllers (embedded
 * ZooKeeper), real host agents and real control VMs over gRPC, each named step observable in the
 * job, and the LIFs and routes arriving on every host of the transport zone.
 */
@Tag("embedded-zookeeper")
class DlrDeploymentTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Manager manager;
    private ApiClient api;
    private LabTopology lab;
    private HostAgents agents;

    @BeforeEach
    void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(),
                EmbeddedControllerFleet.create(dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)),
                        Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        lab = new LabTopology(api).controllers(1);
    }

    @AfterEach
    void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        manager.close();
    }

    private String dlrRequest(boolean ha, String extra) {
        return "{\"name\":\"tenant-router\",\"controlVm\":{\"haEnabled\":" + ha + "},\"interfaces\":["
                + "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(0)
                + "\",\"address\":\"10.0.1.1/24\"},"
                + "{\"name\":\"app\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(1)
                + "\",\"address\":\"10.0.2.1/24\"}],"
                + "\"staticRoutes\":[{\"network\":\"192.168.10.0/24\",\"nextHop\":\"10.0.1.254\"}]" + extra + "}";
    }

    @Test
    void deploysTheDlrStepByStepAndEveryHostOfTheZoneGetsItsLifsAndRoutes() {
        lab.compute(2, 2).logicalSwitches("web", "app", "db");
        agents = new HostAgents(manager, lab.hosts);

        var accepted = api.post("/dlrs", dlrRequest(false, ""));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String dlr = accepted.at("/dlrId").asText();
        JsonNode job = lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");

        List<String> names = new ArrayList<>();
        job.at("/steps").forEach(step -> {
            names.add(step.at("/name").asText());
            assertThat(step.at("/state").asText()).as(step.toString()).isEqualTo("DONE");
            assertThat(step.at("/startedAt").asText()).isNotEmpty();
            assertThat(step.at("/finishedAt").asText()).isNotEmpty();
        });
        assertThat(names).containsExactlyElementsOf(DlrDeployment.STEPS);
        assertThat(job.at("/steps/4/detail").asText()).contains(lab.transportZone, "4 hosts, 4 applied");
        assertThat(job.at("/steps/5/detail").asText()).contains("chose controller-1 as the DLR's master");

        var view = api.get("/dlrs/" + dlr);
        assertThat(view.at("/state").asText()).isEqualTo("DEPLOYED");
        for (String host : lab.hosts) {
            DlrRealization onHost = agents.agent(host).view().dlrs().get(DlrId.of(dlr));
            assertThat(onHost).as(host).isNotNull();
            assertThat(onHost.controller()).map(Object::toString).contains("controller-1");
            assertThat(onHost.lifCount()).isEqualTo(2);
            // Two connected routes and the static one, at least.
            assertThat(onHost.routeCount()).isGreaterThanOrEqualTo(3);
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/dlrs/" + dlr).at("/realization/state").asText()).isEqualTo("REALIZED"));

        // A LIF added after deployment reaches every host through the reconciler.
        var added = api.post("/dlrs/" + dlr + "/interfaces", "{\"name\":\"db\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\""
                + lab.logicalSwitches.get(2) + "\",\"address\":\"10.0.3.1/24\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        await().atMost(WAIT).untilAsserted(() -> {
            for (HostConfigFollower agent : agents.all()) {
                assertThat(agent.view().dlrs().get(DlrId.of(dlr)).lifCount()).isEqualTo(3);
            }
        });

        // Deleting the DLR takes it off the controllers and the hosts and deletes its control VM.
        var deleted = api.delete("/dlrs/" + dlr);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(202);
        lab.awaitJob(deleted.at("/jobId").asText(), "SUCCEEDED");
        assertThat(api.get("/dlrs/" + dlr).status()).isEqualTo(404);
        assertThat(api.get("/vms?kind=CONTROL_VM").body()).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> {
            for (HostConfigFollower agent : agents.all()) {
                assertThat(agent.view().dlrsJoined()).doesNotContain(DlrId.of(dlr));
            }
        });
    }

    @Test
    void anHaPairEndsUpOnTwoHostsUnderAnAntiAffinityRule() {
        lab.compute(2).logicalSwitches("web", "app");
        agents = new HostAgents(manager, lab.hosts);

        var accepted = api.post("/dlrs", dlrRequest(true, ""));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");

        var vms = api.get("/vms?kind=CONTROL_VM").body();
        assertThat(vms).hasSize(2);
        assertThat(vms.get(0).at("/hostId").asText()).isNotEqualTo(vms.get(1).at("/hostId").asText());
        var rules = api.get("/anti-affinity-rules").body();
        assertThat(rules).hasSize(1);
        assertThat(job.at("/steps/3/detail").asText()).contains("keeps", "apart");
    }

    @Test
    void anHaPairWithOneEligibleHostFailsAtItsStepAndLeavesNothingBehind() {
        lab.compute(1).logicalSwitches("web", "app");
        agents = new HostAgents(manager, lab.hosts);
        long vmsBefore = api.get("/vms").body().size();

        var accepted = api.post("/dlrs", dlrRequest(true, ""));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String dlr = accepted.at("/dlrId").asText();
        JsonNode job = lab.awaitJob(accepted.at("/jobId").asText(), "FAILED");

        assertThat(job.at("/error").asText()).contains("step 4", "only one eligible host");
        assertThat(job.at("/steps/3/state").asText()).isEqualTo("FAILED");
        assertThat(job.at("/steps/1/state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(job.at("/steps/0/state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(job.at("/steps/4/state").asText()).isEqualTo("PENDING");
        assertThat(api.get("/dlrs/" + dlr).status()).isEqualTo(404);
        assertThat(api.get("/vms").body().size()).isEqualTo(vmsBefore);
        assertThat(api.get("/anti-affinity-rules").body()).isEmpty();
    }
}
