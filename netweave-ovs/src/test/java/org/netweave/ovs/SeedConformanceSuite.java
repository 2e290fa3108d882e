package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM2;
import static org.netweave.ovs.SeedFixture.VM3;
import static org.netweave.ovs.SeedFixture.VM4;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.ovs.ConformanceLab.PingOutcome;

/**
 * Packet outcomes every backend must show on the seed fixture (architecture §3), written once
 * and run against each backend by a subclass: routing on the source host (one TTL decrement),
 * L2 across hosts (none), and ARP for a remote VM answered on the source host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeedConformanceSuite {
    static final List<SeedFixture.Vm> VMS = List.of(VM1, VM2, VM3, VM4);

    ConformanceLab lab;

    /** Builds {@link #VMS} of the seed fixture on two hosts of the backend, or skips with a reason. */
    abstract ConformanceLab createLab();

    @BeforeAll
    void buildLab() {
        lab = createLab();
    }

    @AfterAll
    void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aVmReachesAVmOnAnotherSubnetOnAnotherHostThroughOneRoutedHop() {
        PingOutcome ping = lab.ping(VM1, VM2.address().address());
        assertThat(ping.received()).as(ping.detail()).isEqualTo(ping.sent()).isPositive();
        assertThat(ping.replyTtl()).as("routed once on each source host").isEqualTo(63);
    }

    @Test
    void aVmReachesAVmOnItsSegmentOnAnotherHostWithoutRouting() {
        PingOutcome ping = lab.ping(VM1, VM3.address().address());
        assertThat(ping.received()).as(ping.detail()).isEqualTo(ping.sent()).isPositive();
        assertThat(ping.replyTtl()).isEqualTo(64);
    }

    @Test
    void arpForARemoteVmIsAnsweredOnTheSourceHost() {
        long before = lab.arpSuppressed(VM4.host());
        PingOutcome ping = lab.ping(VM4, VM3.address().address());
        assertThat(ping.received()).as(ping.detail()).isEqualTo(ping.sent()).isPositive();
        assertThat(lab.arpSuppressed(VM4.host())).isGreaterThan(before);
    }
}
