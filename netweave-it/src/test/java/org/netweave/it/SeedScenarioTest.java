package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.dataplane.DatapathTables;
import org.netweave.model.DlrId;

/**
 * Seeds 000, 001 and 004 through the whole system: the scenario built through the REST API and the
 * DLR deployment job, then VM1 → VM2 routed on the source host and carried over VXLAN, and VM1 →
 * the physical server routed, then bridged onto VLAN 100 by the active control VM's host.
 */
class SeedScenarioTest {
    @TempDir
    static Path dir;
    static SeedLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = SeedLab.start(dir, "127.20.0.0");
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void vm1PingsVm2AcrossHostsThroughTheDistributedRouter() {
        SeedLab.Run ping = lab.cli("vm", "ping", lab.vm1.value(), "10.0.2.10", "--count", "5");

        assertThat(ping.exit()).as(ping.out() + ping.err()).isZero();
        assertThat(ping.out()).contains("5 packets transmitted, 5 received, 0% packet loss").contains("ttl 63");
    }

    @Test
    void vm1ReachesThePhysicalServerOverTheBridgeAndVm2DirectlyOnItsSegment() {
        SeedLab.Run routedThenBridged = lab.cli("vm", "ping", lab.vm1.value(), "10.0.2.100");
        SeedLab.Run bridged = lab.cli("vm", "ping", lab.vm2.value(), "10.0.2.100", "--json");

        assertThat(routedThenBridged.exit()).as(routedThenBridged.out() + routedThenBridged.err()).isZero();
        assertThat(routedThenBridged.out()).contains("ttl 63");
        assertThat(bridged.exit()).as(bridged.out() + bridged.err()).isZero();
        assertThat(bridged.out()).contains("\"received\" : 3", "\"replyTtl\" : 64");
        assertThat(lab.seed.physicalServer().orElseThrow().arpEntry(SeedScenario.VM2_IP)).as("the server learned VM2 across the bridge")
                .isNotNull();
    }

    @Test
    void everyHostHoldsTheSameDlrInstanceWithBothLifsAndTheSameVmac() {
        DlrId dlr = DlrId.of(lab.seed.dlr());
        for (Hypervisor host : lab.hosts()) {
            Optional<DatapathTables.RouterTable> router = host.datapath().tables().findRouter(dlr);
            assertThat(router).as("the DLR on %s", host.host().id()).isPresent();
            assertThat(router.get().lifs()).extracting(lif -> lif.vni().value() + " " + lif.address() + " " + lif.vmac())
                    .containsExactlyInAnyOrder("5000 10.0.1.1/24 02:50:56:56:44:52", "5001 10.0.2.1/24 02:50:56:56:44:52");
        }
        long bridges = lab.hosts().stream().filter(h -> !h.datapath().tables().bridges().isEmpty()).count();
        assertThat(bridges).as("exactly one host runs the bridge instance").isEqualTo(1);
    }

    @Test
    void aPingToAnAddressNobodyHasExitsNonZero() {
        SeedLab.Run ping = lab.cli("vm", "ping", lab.vm1.value(), "10.0.2.77", "--count", "1");

        assertThat(ping.exit()).isEqualTo(1);
        assertThat(ping.out()).contains("1 packets transmitted, 0 received, 100% packet loss");
    }

    @Test
    void aPingFromAVmWithoutAGuestIsRefusedByTheApi() {
        String controlVm = lab.lab.api().get("/vms?kind=CONTROL_VM").get(0).path("id").asText();

        SeedLab.Run ping = lab.cli("vm", "ping", controlVm, "10.0.2.10");

        assertThat(ping.exit()).isEqualTo(2);
        assertThat(ping.err()).contains("has no running guest").contains("409");
    }

    @Test
    void aPingFromAnUnknownVmIs404AndABadTargetIs400NamingTheField() {
        SeedLab.Run unknown = lab.cli("vm", "ping", "vm-999", "10.0.2.10");
        SeedLab.Run badTarget = lab.cli("vm", "ping", lab.vm1.value(), "10.0.2.300");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("vm-999").contains("404");
        assertThat(badTarget.exit()).isEqualTo(2);
        assertThat(badTarget.err()).contains("400").contains("field target");
        assertThatThrownBy(() -> lab.lab.api().post("/vms/" + lab.vm1.value() + "/ping",
                "{\"target\":\"10.0.2.10\",\"count\":100,\"intervalMillis\":10000}"))
                .as("a ping longer than a request may wait").hasMessageContaining("400, field count");
    }

    @Test
    void theRoutedPathIsRoutedOnTheSourceHostOnly() throws Exception {
        Hypervisor hostA = lab.host(lab.seed.vm1Host());
        Hypervisor hostB = lab.host(lab.seed.vm2Host());
        assertThat(hostA.host().cluster()).as("VM1 and VM2 sit in different clusters: different VTEP segments")
                .isNotEqualTo(hostB.host().cluster());
        long routedA = hostA.datapath().counters().routed();
        long routedB = hostB.datapath().counters().routed();

        SeedLab.assertAllReplied(lab.ping(lab.vm1, SeedScenario.VM2_IP, 4, Duration.ofMillis(20)), "VM1 -> VM2");

        assertThat(hostA.datapath().counters().routed() - routedA).as("host A routes the requests").isEqualTo(4);
        assertThat(hostB.datapath().counters().routed() - routedB).as("host B routes the replies").isEqualTo(4);
    }
}
