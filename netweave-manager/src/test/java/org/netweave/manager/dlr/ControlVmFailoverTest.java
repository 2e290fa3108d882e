package org.netweave.manager.dlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.runtime.DlrBridge;
import org.netweave.controller.runtime.DlrTables;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostAgents;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/**
 * Control-VM HA through the whole manager: the active control VM of an HA pair dies (its guest is
 * powered off without a word), the standby takes over after the dead time, the bridge instance
 * moves to the standby's host, the hosts keep their LIFs and routes, and the job log shows it.
 */
@Tag("embedded-zookeeper")
class ControlVmFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private EmbeddedControllerFleet fleet;
    private Manager manager;
    private ApiClient api;
    private HostAgents agents;

    @BeforeEach
    void start() throws Exception {
        fleet = EmbeddedControllerFleet.create(dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)),
                Duration.ofSeconds(2));
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth().withDlrTimeouts(new DlrDeployment.Timeouts(
                WAIT, WAIT, WAIT, new ControlVmHaTiming(Duration.ofMillis(100), Duration.ofMillis(800)))), fleet);
        api = new ApiClient(manager.apiPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        manager.close();
    }

    @Test
    void theStandbyTakesOverTheBridgeMovesAndRoutesStayOnEveryHost() {
        LabTopology lab = new LabTopology(api).controllers(1).compute(2).logicalSwitches("web", "app", "db");
        agents = new HostAgents(manager, lab.hosts);
        var accepted = api.post("/dlrs", "{\"name\":\"r1\",\"controlVm\":{\"haEnabled\":true},\"interfaces\":["
                + "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(0)
                + "\",\"address\":\"10.0.1.1/24\"},{\"name\":\"app\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\""
                + lab.logicalSwitches.get(1) + "\",\"address\":\"10.0.2.1/24\"}]}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String dlr = accepted.at("/dlrId").asText();
        lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");
        var bridge = api.put("/dlrs/" + dlr + "/bridges/br-db", "{\"logicalSwitchId\":\"" + lab.logicalSwitches.get(2)
                + "\",\"vlan\":100}");
        assertThat(bridge.status()).as(bridge.text()).isBetween(200, 201);

        JsonNode vms = api.get("/vms?kind=CONTROL_VM").body();
        String firstVm = vms.get(0).at("/id").asText();
        String secondVm = vms.get(1).at("/id").asText();
        String firstHost = vms.get(0).at("/hostId").asText();
        String secondHost = vms.get(1).at("/hostId").asText();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bridgeHost(dlr)).contains(HostId.of(firstHost)));

        manager.controlVmLauncher().powerOff(VmId.of(firstVm));

        await().atMost(WAIT).until(() -> failoverJob(dlr).isPresent());
        JsonNode job = lab.awaitJob(failoverJob(dlr).orElseThrow(), "SUCCEEDED");
        assertThat(job.at("/steps/0/detail").asText()).contains(secondVm, "HA term 2");
        assertThat(job.at("/steps/1/detail").asText()).contains(secondHost);
        assertThat(bridgeHost(dlr)).contains(HostId.of(secondHost));
        for (HostConfigFollower agent : agents.all()) {
            var onHost = agent.view().dlrs().get(DlrId.of(dlr));
            assertThat(onHost.lifCount()).isEqualTo(2);
            assertThat(onHost.routeCount()).isGreaterThanOrEqualTo(2);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(dlrTables(dlr).controlVm()).map(Object::toString)
                .contains(secondVm));
    }

    private Optional<String> failoverJob(String dlr) {
        for (JsonNode job : api.get("/jobs?subjectId=" + dlr).body()) {
            if (job.at("/kind").asText().equals(ControlVmFailover.KIND)) {
                return Optional.of(job.at("/id").asText());
            }
        }
        return Optional.empty();
    }

    private DlrTables dlrTables(String dlr) {
        for (ControllerNode node : fleet.cluster().nodes()) {
            for (DlrTables tables : node.owner().snapshot().dlrs()) {
                if (tables.id().value().equals(dlr)) {
                    return tables;
                }
            }
        }
        throw new AssertionError("no controller holds " + dlr);
    }

    private Optional<HostId> bridgeHost(String dlr) {
        return dlrTables(dlr).state().bridges().stream().map(DlrBridge::host).findFirst();
    }
}
