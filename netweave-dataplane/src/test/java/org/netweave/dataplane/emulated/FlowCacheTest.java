package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Vni;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.Icmp;
import org.netweave.packet.Ipv4;
import org.netweave.packet.UdpFrames;

/**
 * The flow cache forwards a known routed flow exactly as the full pipeline would — same bytes,
 * same counters — and steps aside for everything the full pipeline must decide.
 */
class FlowCacheTest {
    final EngineHarness h = new EngineHarness().seedTopology();

    private byte[] udpToVm2(int srcPort, int ttl) {
        byte[] b = new byte[ForwardingEngine.HEADROOM + 100];
        int n = UdpFrames.write(b, ForwardingEngine.HEADROOM, new FrameAddresses(EngineHarness.VM1_MAC.value(),
                EngineHarness.VMAC.value(), Ipv4Address.parse("10.0.1.10").value(), Ipv4Address.parse("10.0.2.10").value()),
                srcPort, 7, new byte[18], 0, 18);
        Ipv4.setTtl(b, ForwardingEngine.HEADROOM + 14, ttl);
        Ipv4.updateChecksum(b, ForwardingEngine.HEADROOM + 14);
        return java.util.Arrays.copyOf(b, ForwardingEngine.HEADROOM + n);
    }

    private void send(int port, byte[] frame) {
        byte[] copy = frame.clone();
        h.engine.fromPort(port, copy, ForwardingEngine.HEADROOM, frame.length - ForwardingEngine.HEADROOM);
    }

    private int vm1() {
        return h.engine.portIndex(EngineHarness.VM1);
    }

    @Test
    void aKnownFlowLeavesByteForByteAsTheFullPipelineSentIt() {
        byte[] frame = udpToVm2(40000, 64);
        send(vm1(), frame);
        send(vm1(), frame);

        assertThat(h.engine.counters().flowCacheHits()).isEqualTo(1);
        assertThat(h.wire).hasSize(2);
        assertThat(h.wire.get(1).frame()).isEqualTo(h.wire.get(0).frame());
        assertThat(h.wire.get(1).dst()).isEqualTo(h.wire.get(0).dst());
        var counters = h.engine.counters();
        assertThat(counters.routed()).isEqualTo(2);
        assertThat(counters.vxlanSent()).isEqualTo(2);
        assertThat(counters.framesFromPorts()).isEqualTo(2);
    }

    @Test
    void eachPortPairIsItsOwnFlow() {
        send(vm1(), udpToVm2(40000, 64));
        send(vm1(), udpToVm2(40001, 64));
        assertThat(h.engine.counters().flowCacheHits()).isZero();
        send(vm1(), udpToVm2(40001, 64));
        assertThat(h.engine.counters().flowCacheHits()).isEqualTo(1);
    }

    @Test
    void theSameFlowFromAnotherPortIsNotAHit() {
        h.engine.apply(List.of(new AttachPort(new VnicPort(EngineHarness.VM3, Vni.of(5000), EngineHarness.VM3_MAC))));
        send(vm1(), udpToVm2(40000, 64));
        send(h.engine.portIndex(EngineHarness.VM3), udpToVm2(40000, 64));
        assertThat(h.engine.counters().flowCacheHits()).isZero();
    }

    @Test
    void ttlExpiryOfAKnownFlowStillGetsItsIcmpError() {
        send(vm1(), udpToVm2(40000, 64));
        send(vm1(), udpToVm2(40000, 1));

        assertThat(h.engine.counters().dropped(DropReason.TTL_EXCEEDED)).isEqualTo(1);
        assertThat(Icmp.type(h.vm1Frames.getLast(), 34)).isEqualTo(Icmp.TYPE_TIME_EXCEEDED);
    }

    @Test
    void aCorruptHeaderOnAKnownFlowIsDroppedAsMalformed() {
        send(vm1(), udpToVm2(40000, 64));
        byte[] corrupt = udpToVm2(40000, 64);
        corrupt[ForwardingEngine.HEADROOM + 14 + 10] ^= 0x55; // the header checksum
        send(vm1(), corrupt);

        assertThat(h.engine.counters().dropped(DropReason.MALFORMED)).isEqualTo(1);
        assertThat(h.wire).hasSize(1);
    }

    @Test
    void aTracedPacketOfAKnownFlowReportsEveryHop() {
        List<Observation> seen = new ArrayList<>();
        h.engine.setObservationSink(seen::add);
        send(vm1(), udpToVm2(40000, 64));
        byte[] traced = udpToVm2(40000, 64);
        h.engine.fromPort(vm1(), traced, ForwardingEngine.HEADROOM, traced.length - ForwardingEngine.HEADROOM, 9);

        assertThat(seen).extracting(Observation::kind).extracting(Enum::name)
                .contains("LOGICAL_FORWARDED", "FORWARDED");
        assertThat(h.engine.counters().flowCacheHits()).isZero();
    }

    @Test
    void aTableChangeSendsTheFlowWhereTheTablesNowSay() {
        Ipv4Address third = Ipv4Address.parse("127.0.9.3");
        send(vm1(), udpToVm2(40000, 64));
        send(vm1(), udpToVm2(40000, 64));
        h.engine.apply(List.of(new PutVtep(Vni.of(5001), new VtepRecord(third, EngineHarness.SEGMENT)),
                new PutRemoteMac(Vni.of(5001), EngineHarness.VM2_MAC, third)));
        send(vm1(), udpToVm2(40000, 64));

        assertThat(h.wire).extracting(EngineHarness.Out::dst)
                .containsExactly(EngineHarness.PEER.value(), EngineHarness.PEER.value(), third.value());
        assertThat(Ipv4.ttl(h.wire.getLast().frame(), INNER + 14)).isEqualTo(63);
    }
}
