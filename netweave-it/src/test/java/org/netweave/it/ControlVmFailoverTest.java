package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.manager.dlr.ControlVmFailover;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/**
 * The active control VM dies during traffic: the standby takes over, the routes stay on every host
 * (no routed ping is lost), the bridge instance moves to the new active VM's host and carries the
 * physical server's traffic again, and the failover job's log says what happened.
 */
class ControlVmFailoverTest {
    @TempDir
    Path dir;
    SeedLab lab;

    @BeforeEach
    void start() throws Exception {
        lab = SeedLab.start(dir, "127.23.0.0");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void theStandbyTakesOverRoutesStayTheBridgeMovesAndTheJobLogShowsIt() throws Exception {
        lab.awaitReplies(lab.vm2, SeedScenario.SERVER_IP);
        List<HostId> before = bridgeHosts();
        assertThat(before).as("one bridge instance").hasSize(1);
        HostId bridgeHost = before.getFirst();
        JsonNode controlVms = lab.lab.api().get("/vms?kind=CONTROL_VM");
        VmId activeId = lab.lab.manager().controlVms().active(List.of(VmId.of(controlVms.get(0).path("id").asText()),
                VmId.of(controlVms.get(1).path("id").asText()))).orElseThrow();
        JsonNode active = controlVms.get(0).path("id").asText().equals(activeId.value()) ? controlVms.get(0) : controlVms.get(1);
        JsonNode standby = active == controlVms.get(0) ? controlVms.get(1) : controlVms.get(0);
        assertThat(active.path("hostId").asText()).as("the bridge runs on the active control VM's host")
                .isEqualTo(bridgeHost.value());
        HostId standbyHost = HostId.of(standby.path("hostId").asText());
        CompletableFuture<PingResult> routed = CompletableFuture.supplyAsync(() -> {
            try {
                return lab.ping(lab.vm1, SeedScenario.VM2_IP, 40, Duration.ofMillis(100));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        try (LogEvents log = LogEvents.attach()) {
            lab.lab.manager().controlVmLauncher().powerOff(VmId.of(active.path("id").asText()));

            assertThat(routed).as("the active control VM died while the ping ran").isNotDone();
            await().atMost(SeedLab.CONVERGE).untilAsserted(() -> assertThat(bridgeHosts())
                    .as("exactly one bridge instance, on the standby's host").containsExactly(standbyHost));
            SeedLab.assertAllReplied(routed.get(), "VM1 -> VM2 during the failover");
            for (Hypervisor host : lab.hosts()) {
                assertThat(host.datapath().tables().router(DlrId.of(lab.seed.dlr())).routes())
                        .as("routes on %s", host.host().id()).extracting(r -> r.prefix().toString())
                        .contains("10.0.1.0/24", "10.0.2.0/24");
            }
            lab.awaitReplies(lab.vm2, SeedScenario.SERVER_IP);
            SeedLab.assertAllReplied(lab.ping(lab.vm1, SeedScenario.SERVER_IP, 3, Duration.ofMillis(50)),
                    "VM1 -> the physical server over the moved bridge");

            String job = failoverJob().orElseThrow();
            await().atMost(SeedLab.CONVERGE).until(() -> lab.lab.api().get("/jobs/" + job).path("state").asText()
                    .equals("SUCCEEDED"));
            SeedLab.Run jobLog = lab.cli("job", job);
            assertThat(jobLog.out()).contains(ControlVmFailover.KIND, "SUCCEEDED", standby.path("id").asText(),
                    standbyHost.value());
            // The runner logs the job's end after storing it, so the line may follow what the API shows.
            await().atMost(SeedLab.CONVERGE).untilAsserted(() ->
                    assertFailoverLogged(log, standby.path("id").asText(), active.path("id").asText(), job));
        }
    }

    /** One structured line for each state change of the failover: the HA role, the failover, the job's end. */
    private void assertFailoverLogged(LogEvents log, String standby, String failed, String job) {
        assertThat(log.of("ha-role-changed")).filteredOn(l -> l.key("vm").equals(standby)).singleElement()
                .satisfies(l -> assertThat(l.key("role")).isEqualTo("ACTIVE"));
        assertThat(log.of("controlvm-failover")).singleElement().satisfies(l -> {
            assertThat(l.key("dlr")).isEqualTo(lab.seed.dlr());
            assertThat(l.key("active")).isEqualTo(standby);
            assertThat(l.key("silent")).isEqualTo(failed);
        });
        assertThat(log.of("job-succeeded")).filteredOn(l -> l.key("job").equals(job)).singleElement()
                .satisfies(l -> assertThat(l.keys()).containsEntry("kind", ControlVmFailover.KIND)
                        .containsEntry("subject", lab.seed.dlr()));
    }

    private List<HostId> bridgeHosts() {
        return lab.hosts().stream().filter(h -> !h.datapath().tables().bridges().isEmpty())
                .map(h -> h.host().id()).toList();
    }

    private Optional<String> failoverJob() {
        for (JsonNode job : lab.lab.api().get("/jobs?subjectId=" + lab.seed.dlr())) {
            if (job.path("kind").asText().equals(ControlVmFailover.KIND)) {
                return Optional.of(job.path("id").asText());
            }
        }
        return Optional.empty();
    }
}
