package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.LabHost;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.MacAddress;

/** vMotion of VM2 to a host of the other cluster: every table follows, and the routed path works again. */
class VMotionTest {
    @TempDir
    Path dir;
    SeedLab lab;

    @BeforeEach
    void start() throws Exception {
        lab = SeedLab.start(dir, "127.21.0.0");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void afterVm2MovesEveryHostSendsToItsNewVtepAndVm1ReachesItAgain() throws Exception {
        LabHost target = lab.lab.hosts().stream()
                .filter(h -> !h.id().equals(lab.seed.vm1Host()) && !h.id().equals(lab.seed.vm2Host())).findFirst().orElseThrow();
        MacAddress vm2Mac = MacAddress.parse(lab.lab.api().get("/vms/" + lab.vm2.value()).path("vnics").get(0)
                .path("mac").asText());
        CompletableFuture<PingResult> during = CompletableFuture.supplyAsync(() -> {
            try {
                return lab.ping(lab.vm2, SeedScenario.VM1_IP, 20, Duration.ofMillis(50));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        SeedLab.Run move = lab.cli("vm", "move", lab.vm2.value(), target.id().value());

        assertThat(move.exit()).as(move.out() + move.err()).isZero();
        assertThat(move.out()).contains("now runs on " + target.id().value());
        assertThat(during.get().sent()).as("the ping under way ran to its end").isEqualTo(20);
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            assertThat(lab.lab.guests().hostOf(lab.vm2)).contains(target.id());
            for (Hypervisor host : lab.hosts()) {
                String expected = host.host().id().equals(target.id()) ? "LOCAL_PORT" : "REMOTE_VTEP " + target.vtep();
                assertThat(SeedLab.macLocation(host, 5001, vm2Mac)).as("VM2's MAC on %s", host.host().id())
                        .startsWith(expected);
            }
        });
        String owner = lab.cli("show", "control-cluster", "logical-switches", "vni", "5001").out().lines().skip(1)
                .findFirst().orElseThrow().split(" +")[1];
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> assertThat(
                lab.cli("show", "logical-switch", "controller", owner, "vni", "5001", "mac").out())
                .as("the owner's MAC table").containsPattern(vm2Mac + " +" + target.vtep().toString().replace(".", "\\.") + " "));
        lab.awaitReplies(lab.vm1, SeedScenario.VM2_IP);
        SeedLab.Run ping = lab.cli("vm", "ping", lab.vm1.value(), "10.0.2.10", "--count", "5");
        assertThat(ping.exit()).as(ping.out() + ping.err()).isZero();
        assertThat(lab.lab.api().get("/vms/" + lab.vm2.value()).path("hostId").asText()).isEqualTo(target.id().value());
    }

    @Test
    void aMoveToAnUnknownHostIsRefusedAndNothingMoves() {
        SeedLab.Run move = lab.cli("vm", "move", lab.vm2.value(), "host-99");

        assertThat(move.exit()).isEqualTo(2);
        assertThat(move.err()).contains("host-99").contains("404");
        assertThat(lab.lab.guests().hostOf(lab.vm2)).contains(lab.seed.vm2Host());
    }
}
