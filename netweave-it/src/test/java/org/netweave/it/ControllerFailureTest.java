package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.ControllerId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.model.VmId;

/**
 * The controller that owns VNI 5001 crashes (node and ZooKeeper peer) during a continuous ping:
 * hosts forward with what they hold, so resolved neighbours lose nothing; the survivors take the
 * slice, the hosts re-report, and a new VM's binding reaches every host again.
 */
class ControllerFailureTest {
    private static final Vni VNI_5001 = Vni.of(5001);

    @TempDir
    Path dir;
    SeedLab lab;

    @BeforeEach
    void start() throws Exception {
        lab = SeedLab.start(dir, "127.22.0.0");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void stoppingTheOwnerOfVni5001LosesNoPingAndNewBindingsWorkAfterResharding() throws Exception {
        ControllerId owner = ownerOf(VNI_5001).orElseThrow();
        CompletableFuture<PingResult> continuous = CompletableFuture.supplyAsync(() -> {
            try {
                return lab.ping(lab.vm1, SeedScenario.VM2_IP, 60, Duration.ofMillis(100));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        SeedLab.Run stop;
        ControllerId newOwner;
        try (LogEvents log = LogEvents.attach()) {
            stop = lab.cli("controller", "stop", owner.value());

            assertThat(stop.exit()).as(stop.out() + stop.err()).isZero();
            assertThat(continuous).as("the stop came while the ping ran").isNotDone();
            SeedLab.assertAllReplied(continuous.get(), "VM1 -> VM2 while " + owner + " is down");
            await().atMost(SeedLab.CONVERGE).until(() -> ownerOf(VNI_5001).filter(o -> !o.equals(owner)).isPresent());
            newOwner = ownerOf(VNI_5001).orElseThrow();
            await().atMost(SeedLab.CONVERGE).untilAsserted(() -> assertThat(log.of("host-joined-vni"))
                    .as("the hosts of VNI 5001 join it at its new owner")
                    .anyMatch(l -> l.key("vni").equals("5001") && l.key("controller").equals(newOwner.value())));
            // The master logs after its ZooKeeper write, which the new owner may act on first.
            await().atMost(SeedLab.CONVERGE).untilAsserted(() -> assertMovesLogged(log, owner, newOwner));
        }

        Ipv4Address vm3Ip = Ipv4Address.parse("10.0.2.11");
        String vm3 = lab.lab.api().post("/vms", "{\"name\":\"VM3\",\"hostId\":\"" + lab.lab.hosts().get(3).id().value()
                + "\",\"vnics\":[{\"ip\":\"10.0.2.11\"}]}").path("id").asText();
        lab.lab.api().put("/vms/" + vm3 + "/vnics/0", "{\"logicalSwitchId\":\"" + lab.seed.app() + "\"}");
        MacAddress vm3Mac = MacAddress.parse(lab.lab.api().get("/vms/" + vm3).path("vnics").get(0).path("mac").asText());
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            for (Hypervisor host : lab.hosts()) {
                var table = host.datapath().tables().findLogicalSwitch(5001);
                assertThat(table).as("VNI 5001 on %s", host.host().id()).isPresent();
                assertThat(table.get().arp()).as("ARP of VNI 5001 on %s", host.host().id())
                        .containsEntry(vm3Ip, vm3Mac).containsKey(SeedScenario.VM2_IP);
            }
        });
        lab.awaitReplies(lab.vm1, vm3Ip);
        SeedLab.assertAllReplied(lab.ping(VmId.of(vm3), SeedScenario.VM1_IP, 3, Duration.ofMillis(50)), "VM3 -> VM1");

        SeedLab.Run start = lab.cli("controller", "start", owner.value());
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        await().atMost(SeedLab.CONVERGE).untilAsserted(() ->
                assertThat(lab.cli("controller", "list").out()).doesNotContain("STOPPED"));
    }

    /**
     * The switch-manager master logged one line per new owner of the failed node's slices, and the
     * line that holds VNI 5001's slice names the node that now holds its table.
     */
    private static void assertMovesLogged(LogEvents log, ControllerId failed, ControllerId newOwner) {
        List<LogEvents.Line> moves = log.of("slices-moved").stream()
                .filter(l -> l.key("role").equals(Role.SWITCH_MANAGER.cliName()) && l.key("from").equals(failed.value()))
                .toList();
        assertThat(moves).as("slices-moved lines from %s", failed).isNotEmpty()
                .extracting(l -> l.key("epoch") + " " + l.key("to")).doesNotHaveDuplicates();
        int slice = SliceSpace.DEFAULT.sliceOf(VNI_5001);
        assertThat(moves).filteredOn(l -> inRanges(l.key("slices"), slice)).singleElement()
                .satisfies(l -> assertThat(l.key("to")).as(l.message()).isEqualTo(newOwner.value()));
    }

    /** Whether "0-3,7,9-12" holds {@code slice}. */
    private static boolean inRanges(String ranges, int slice) {
        for (String range : ranges.split(",")) {
            String[] ends = range.split("-");
            if (slice >= Integer.parseInt(ends[0]) && slice <= Integer.parseInt(ends[ends.length - 1])) {
                return true;
            }
        }
        return false;
    }

    /** The live node whose runtime tables hold {@code vni}. */
    private Optional<ControllerId> ownerOf(Vni vni) {
        for (ControllerNode node : lab.lab.controllers().cluster().nodes()) {
            try {
                if (node.owner().snapshot().logicalSwitches().stream().anyMatch(t -> t.settings().vni().equals(vni))) {
                    return Optional.of(node.id());
                }
            } catch (RuntimeException stopped) {
                // A crashed node answers nothing.
            }
        }
        return Optional.empty();
    }
}
