package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DatapathChange.RemoveArpEntry;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Icmp;
import org.netweave.packet.Ipv4;
import org.netweave.packet.UdpFrames;

/**
 * The route cache never outlives the tables it was computed from: after any change — a batch, a
 * MAC learned from a tunnel — the next packet to a cached destination goes where the tables now
 * say, exactly as the first packet would.
 */
class RouteCacheTest {
    static final Ipv4Address VM2 = Ipv4Address.parse("10.0.2.10");
    static final Ipv4Address THIRD_VTEP = Ipv4Address.parse("127.0.9.3");

    final EngineHarness h = new EngineHarness().seedTopology();

    @BeforeEach
    void cacheTheRouteToVm2() {
        h.engine.apply(List.of(new PutVtep(Vni.of(5001), new VtepRecord(THIRD_VTEP, EngineHarness.SEGMENT))));
        h.vm1Pings(VM2.toString(), 64);
        h.vm1Pings(VM2.toString(), 64);
        assertThat(h.sent("vxlan")).extracting(EngineHarness.Out::dst)
                .containsExactly(EngineHarness.PEER.value(), EngineHarness.PEER.value());
        h.wire.clear();
    }

    @Test
    void aVmThatMovedIsFollowedAtOnce() {
        h.engine.apply(List.of(new PutRemoteMac(Vni.of(5001), EngineHarness.VM2_MAC, THIRD_VTEP)));

        h.vm1Pings(VM2.toString(), 64);

        assertThat(h.wire).singleElement().extracting(EngineHarness.Out::dst).isEqualTo(THIRD_VTEP.value());
    }

    @Test
    void aMacLearnedFromATunnelIsFollowedAtOnce() {
        byte[] fromVm2 = new byte[UdpFrames.HEADERS_LENGTH];
        UdpFrames.writeHeaders(fromVm2, 0, new org.netweave.packet.FrameAddresses(EngineHarness.VM2_MAC.value(),
                EngineHarness.VMAC.value(), VM2.value(), Ipv4Address.parse("10.0.2.99").value()), 1, 2, 0);
        h.fromTunnel(THIRD_VTEP, 0, 5001, fromVm2);
        h.wire.clear();

        h.vm1Pings(VM2.toString(), 64);

        assertThat(h.wire).singleElement().extracting(EngineHarness.Out::dst).isEqualTo(THIRD_VTEP.value());
    }

    @Test
    void aNewArpBindingIsUsedAtOnce() {
        MacAddress replaced = MacAddress.parse("00:50:56:00:02:99");
        h.engine.apply(List.of(new PutRemoteMac(Vni.of(5001), replaced, EngineHarness.PEER),
                new PutArpEntry(Vni.of(5001), VM2, replaced)));

        h.vm1Pings(VM2.toString(), 64);

        assertThat(Ethernet.dst(h.wire.getFirst().frame(), INNER)).isEqualTo(replaced.value());
    }

    @Test
    void aRemovedArpBindingHoldsThePacketAndProbes() {
        h.engine.apply(List.of(new RemoveArpEntry(Vni.of(5001), VM2)));

        h.vm1Pings(VM2.toString(), 64);

        byte[] probe = h.wire.getFirst().frame();
        assertThat(Ethernet.etherType(probe, INNER)).isEqualTo(Ethernet.TYPE_ARP);
        h.engine.expire(System.nanoTime() + 2 * HeldPackets.TIMEOUT_NANOS);
        assertThat(h.engine.counters().dropped(DropReason.NO_ARP)).isEqualTo(1);
    }

    @Test
    void aMoreSpecificRouteWinsAtOnce() {
        MacAddress gateway = MacAddress.parse("00:50:56:00:01:fe");
        h.engine.apply(List.of(
                new PutRoute(EngineHarness.DLR, new StaticRoute(Ipv4Prefix.parse("10.0.2.10/32"), LifId.of("lif-5000"),
                        Ipv4Address.parse("10.0.1.254"))),
                new PutArpEntry(Vni.of(5000), Ipv4Address.parse("10.0.1.254"), gateway),
                new PutRemoteMac(Vni.of(5000), gateway, THIRD_VTEP)));

        h.vm1Pings(VM2.toString(), 64);

        // The route leaves by LIF 5000; VNI 5000 was never given the third VTEP as a flood target,
        // but the gateway's MAC entry sends it there.
        EngineHarness.Out out = h.wire.getFirst();
        assertThat(out.dst()).isEqualTo(THIRD_VTEP.value());
        assertThat(Ethernet.dst(out.frame(), INNER)).isEqualTo(gateway.value());
    }

    @Test
    void aDestinationThatBecameALifAddressIsAnsweredByTheRouter() {
        h.engine.apply(List.of(new PutLif(EngineHarness.DLR, EngineHarness.lif("lif-5001", 5001, "10.0.2.10/24"))));

        h.vm1Pings(VM2.toString(), 64);

        assertThat(h.wire).isEmpty();
        assertThat(Icmp.type(h.vm1Frames.getLast(), 34)).isEqualTo(Icmp.TYPE_ECHO_REPLY);
    }

    @Test
    void expiringTtlIsNotSkippedForACachedDestination() {
        h.vm1Pings(VM2.toString(), 1);

        assertThat(h.wire).isEmpty();
        assertThat(Icmp.type(h.vm1Frames.getLast(), 34)).isEqualTo(Icmp.TYPE_TIME_EXCEEDED);
        assertThat(h.engine.counters().dropped(DropReason.TTL_EXCEEDED)).isEqualTo(1);
    }

    @Test
    void aTracedPacketToACachedDestinationStillReportsEveryHop() {
        List<Observation> seen = new ArrayList<>();
        h.engine.setObservationSink(seen::add);
        byte[] b = new byte[ForwardingEngine.HEADROOM + 200];
        int n = org.netweave.packet.IcmpFrames.echoRequest(b, ForwardingEngine.HEADROOM,
                new org.netweave.packet.FrameAddresses(EngineHarness.VM1_MAC.value(), EngineHarness.VMAC.value(),
                        Ipv4Address.parse("10.0.1.10").value(), VM2.value()), 1, 1, new byte[8], 0, 8);

        h.engine.fromPort(h.engine.portIndex(EngineHarness.VM1), b, ForwardingEngine.HEADROOM, n, 99);

        assertThat(seen).extracting(o -> o.kind().name()).contains("LOGICAL_RECEIVED", "LOGICAL_FORWARDED", "FORWARDED");
        assertThat(Ipv4.ttl(h.wire.getFirst().frame(), INNER + 14)).isEqualTo(63);
    }
}
