package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.Udp;
import org.netweave.packet.Vxlan;

/** VM1's UDP generator on the seed topology: resolves its gateway, paces, and every datagram arrives. */
class UdpGeneratorTest {
    final SeedTopology seed = SeedTopology.build(2, Vxlan.DEFAULT_UDP_PORT);

    @AfterEach
    void close() {
        seed.close();
    }

    @Test
    void sendsEveryDatagramAtTheRateAskedForAndVm2CountsThemAll() throws Exception {
        UdpSendReport report = seed.vm1().sendUdp(seed.vm2().address().address(), 5001, 64, 2_000, 20_000)
                .get(10, TimeUnit.SECONDS);

        assertThat(report.sent()).isEqualTo(2_000);
        // 2,000 datagrams at 20,000/s take 0.1 s from the first to the last; bursts may run a
        // little early or late, never at an unbounded rate.
        assertThat(report.elapsedNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(90), TimeUnit.SECONDS.toNanos(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> seed.vm2().udp().packets() == 2_000);
        assertThat(seed.vm2().udp().bytes()).isEqualTo(2_000L * (Udp.HEADER_LENGTH + 64));
    }

    @Test
    void aDestinationWhoseNextHopNeverAnswersArpFailsTheRun() {
        // 10.0.1.99 is on VM1's own subnet, so VM1 ARPs for it directly; nobody has it.
        var run = seed.vm1().sendUdp(Ipv4Address.parse("10.0.1.99"), 5001, 64, 10, 1_000);

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no ARP answer");
        assertThat(seed.vm1().framesSent()).as("only ARP requests went out").isLessThan(30);
    }

    @Test
    void refusesNonsense() {
        Ipv4Address vm2 = seed.vm2().address().address();
        assertThatThrownBy(() -> seed.vm1().sendUdp(vm2, 0, 64, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seed.vm1().sendUdp(vm2, 5001, 64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seed.vm1().sendUdp(vm2, 5001, 9_000, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
