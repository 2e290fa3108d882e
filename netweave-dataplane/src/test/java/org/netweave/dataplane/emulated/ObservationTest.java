package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.Vxlan;

/** A traced packet reports every hop; the trace id crosses hosts in the VXLAN header. */
class ObservationTest {
    final EngineHarness h = new EngineHarness().seedTopology();
    final List<Observation> seen = new ArrayList<>();

    ObservationTest() {
        h.engine.setObservationSink(seen::add);
    }

    private void tracedPing(String dst, int traceId) {
        byte[] b = new byte[ForwardingEngine.HEADROOM + 200];
        int n = IcmpFrames.echoRequest(b, ForwardingEngine.HEADROOM,
                new FrameAddresses(EngineHarness.VM1_MAC.value(), EngineHarness.VMAC.value(),
                        Ipv4Address.parse("10.0.1.10").value(), Ipv4Address.parse(dst).value()), 1, 1, new byte[8], 0, 8);
        h.engine.fromPort(h.engine.portIndex(EngineHarness.VM1), b, ForwardingEngine.HEADROOM, n, traceId);
    }

    @Test
    void routedPacketReportsEachHopInOrderAndCarriesItsTraceIdOnTheWire() {
        tracedPing("10.0.2.10", 0x1234);

        assertThat(seen).extracting(o -> o.kind() + " " + o.component() + " " + o.componentName())
                .containsExactly(
                        "RECEIVED VNIC vm1.000",
                        "LOGICAL_RECEIVED LOGICAL_SWITCH vni-5000",
                        "LOGICAL_RECEIVED LOGICAL_ROUTER edge-1",
                        "LOGICAL_FORWARDED LOGICAL_ROUTER edge-1",
                        "FORWARDED TUNNEL 127.0.9.2");
        assertThat(seen.get(2).lif()).isEqualTo("lif-5000");
        assertThat(seen.get(3).lif()).isEqualTo("lif-5001");
        assertThat(seen.get(3).decidedBy()).isEqualTo("route 10.0.2.10 via connected lif lif-5001");
        assertThat(seen.get(4).vni()).isEqualTo(5001);
        assertThat(seen).allMatch(o -> o.traceId() == 0x1234 && o.host().value().equals("host-a"));

        byte[] wire = h.wire.getFirst().frame();
        assertThat(Vxlan.flags(wire, 42) & Vxlan.FLAG_TRACE).isNotZero();
        assertThat(Vxlan.traceId(wire, 42)).isEqualTo(0x1234);
    }

    @Test
    void theReceivingHostContinuesTheTraceFromTheVxlanHeader() {
        tracedPing("10.0.2.10", 77);
        byte[] sent = h.wire.getFirst().frame();
        seen.clear();

        // Loop the packet back in as if host B had sent it to VM1: rewrite the inner destination.
        byte[] inner = Arrays.copyOfRange(sent, INNER, sent.length);
        org.netweave.packet.Ethernet.setDst(inner, 0, EngineHarness.VM1_MAC.value());
        h.fromTunnel(EngineHarness.PEER, Vxlan.FLAG_TRACE, 5000, 77, inner);

        assertThat(seen).extracting(o -> o.kind() + " " + o.component() + " " + o.componentName())
                .containsExactly("RECEIVED TUNNEL 127.0.9.2", "LOGICAL_RECEIVED LOGICAL_SWITCH vni-5000",
                        "DELIVERED VNIC vm1.000");
        assertThat(seen).allMatch(o -> o.traceId() == 77);
    }

    @Test
    void dropIsReportedWithItsReason() {
        tracedPing("192.168.1.1", 5);

        Observation last = seen.getLast();
        assertThat(last.dropReason()).isEqualTo(DropReason.NO_ROUTE);
        assertThat(last.componentName()).isEqualTo("edge-1");
    }

    @Test
    void untracedPacketsReportNothing() {
        h.vm1Pings("10.0.2.10", 64);
        h.vm1Pings("192.168.1.1", 64);
        assertThat(seen).isEmpty();
    }
}
