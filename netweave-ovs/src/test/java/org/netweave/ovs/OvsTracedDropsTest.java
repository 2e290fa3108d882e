package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationComponent;
import org.netweave.dataplane.ObservationKind;
import org.netweave.dataplane.TraceContinuation;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;

/**
 * The two traceflow drops a probe meets only on real switch state, traced on real Open vSwitch
 * (ofproto/trace and the qrouter kernel, as {@link OvsTracer} does in the product): a routed
 * probe to an address of a LIF's subnet that no neighbour entry holds (NO_ARP, at host A's
 * router), and a tunnelled frame that reaches host B on a VNI host B does not carry (UNKNOWN_VNI,
 * at its tunnel). The same frames on known neighbours and VNIs are delivered, so it is the
 * missing entry that drops them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OvsTracedDropsTest {
    static final Ipv4Address NOBODY = Ipv4Address.parse("10.0.2.77");

    OvsLab lab;
    final List<Observation> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    void buildLab() {
        Net.requireOrSkip("OvsTracedDropsTest", Net.whyLabUnavailable());
        lab = OvsLab.seed(List.of(VM1, VM2));
        lab.host(0).setObservationSink(seen::add);
        lab.host(1).setObservationSink(seen::add);
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void aRoutedProbeToAnAddressWithoutANeighbourIsDroppedAtTheSourceHostsRouter() {
        lab.host(0).injectTraced(VM1.port().id(), echo(VM1.mac(), SeedFixture.VMAC, VM1, NOBODY), 21);

        Observation last = seen.getLast();
        assertThat(last.kind()).as(seen.toString()).isEqualTo(ObservationKind.DROPPED);
        assertThat(last.dropReason()).isEqualTo(DropReason.NO_ARP);
        assertThat(last.host()).isEqualTo(SeedFixture.config(0).hostId());
        assertThat(last.component()).isEqualTo(ObservationComponent.LOGICAL_ROUTER);
        assertThat(last.componentName()).isEqualTo(SeedFixture.DLR.value());
        assertThat(last.decidedBy()).contains(NOBODY.toString());
        assertThat(seen).noneMatch(o -> o.kind() == ObservationKind.FORWARDED);
    }

    @Test
    void theSameProbeToAKnownNeighbourLeavesThroughTheTunnel() {
        lab.host(0).injectTraced(VM1.port().id(), echo(VM1.mac(), SeedFixture.VMAC, VM1, VM2.address().address()), 22);

        assertThat(seen).as(seen.toString()).anyMatch(o -> o.kind() == ObservationKind.FORWARDED
                && o.component() == ObservationComponent.TUNNEL
                && o.componentName().equals(SeedFixture.vtep(1).toString()));
        assertThat(seen).noneMatch(o -> o.kind() == ObservationKind.DROPPED);
    }

    @Test
    void aTunnelledFrameOnAVniTheHostDoesNotCarryIsDroppedAtItsTunnel() {
        lab.host(1).continueTraced(arriving(23, Vni.of(5999)));

        Observation last = seen.getLast();
        assertThat(last.kind()).as(seen.toString()).isEqualTo(ObservationKind.DROPPED);
        assertThat(last.dropReason()).isEqualTo(DropReason.UNKNOWN_VNI);
        assertThat(last.host()).isEqualTo(SeedFixture.config(1).hostId());
        assertThat(last.component()).isEqualTo(ObservationComponent.TUNNEL);
        assertThat(seen).noneMatch(o -> o.kind() == ObservationKind.DELIVERED);
    }

    @Test
    void aTunnelledFrameFromAVtepWithoutATunnelPortIsDroppedAsUnknown() {
        byte[] frame = echo(SeedFixture.dvrMac(0), VM2.mac(), VM1, VM2.address().address());
        lab.host(1).continueTraced(new TraceContinuation(25, Ipv4Address.parse("198.18.0.77"), SeedFixture.vtep(1),
                VM2.vni(), frame));

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.dropReason()).isEqualTo(DropReason.UNKNOWN_VTEP);
            assertThat(o.component()).isEqualTo(ObservationComponent.TUNNEL);
            assertThat(o.componentName()).isEqualTo("198.18.0.77");
        });
    }

    @Test
    void theSameFrameOnACarriedVniIsDeliveredToTheVm() {
        lab.host(1).continueTraced(arriving(24, VM2.vni()));

        assertThat(seen.getLast().kind()).as(seen.toString()).isEqualTo(ObservationKind.DELIVERED);
        assertThat(seen.getLast().componentName()).isEqualTo(VM2.name());
    }

    /** What host A's router sends host B for vm2: host A's DVR MAC as source, TTL already spent once. */
    private static TraceContinuation arriving(int traceId, Vni vni) {
        byte[] frame = echo(SeedFixture.dvrMac(0), VM2.mac(), VM1, VM2.address().address());
        return new TraceContinuation(traceId, SeedFixture.vtep(0), SeedFixture.vtep(1), vni, frame);
    }

    private static byte[] echo(MacAddress src, MacAddress dst, SeedFixture.Vm from, Ipv4Address to) {
        byte[] frame = new byte[IcmpFrames.HEADERS_LENGTH + 8];
        IcmpFrames.echoRequest(frame, 0, FrameAddresses.of(src, dst, from.address().address(), to), 1, 1,
                new byte[8], 0, 8);
        return frame;
    }
}
