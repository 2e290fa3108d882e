package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationKind;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.UdpFrames;

/**
 * SpoofGuard at the vNIC: VM1 (10.0.1.10, its own MAC) may send only as itself. Another VM's MAC
 * or IP, the router MAC, and a gratuitous ARP for the LIF gateway are dropped and counted before
 * any table learns from them; the same frames as VM1 itself go through.
 */
class SpoofGuardTest {
    static final Ipv4Address VM1_IP = Ipv4Address.parse("10.0.1.10");
    static final Ipv4Address VM2_IP = Ipv4Address.parse("10.0.2.10");
    static final Ipv4Address GATEWAY = Ipv4Address.parse("10.0.1.1");

    final EngineHarness h = new EngineHarness().seedTopology();
    final List<Observation> seen = new ArrayList<>();
    DatapathTables before;

    @BeforeEach
    void vm1HasItsAddress() {
        h.engine.apply(List.of(new AttachPort(new VnicPort(EngineHarness.VM1, Vni.of(5000), EngineHarness.VM1_MAC,
                Set.of(VM1_IP)))));
        h.engine.setObservationSink(seen::add);
        before = h.engine.tables();
    }

    @Test
    void aFrameWithAnotherVmsMacIsDroppedAndThatMacStaysWhereItWas() {
        send(echo(EngineHarness.VM2_MAC, VM1_IP, VM2_IP), 0);

        assertDropped(DropReason.SPOOFED_MAC);
        assertThat(h.engine.tables().logicalSwitch(5000).mac(EngineHarness.VM2_MAC)).as("not learned on VM1's port").isNull();
        assertThat(h.engine.tables().logicalSwitch(5001).mac(EngineHarness.VM2_MAC).where())
                .isEqualTo(EngineHarness.PEER.toString());
    }

    @Test
    void aPacketFromAnotherVmsIpIsDroppedAndNotRouted() {
        send(echo(EngineHarness.VM1_MAC, VM2_IP, Ipv4Address.parse("10.0.2.20")), 0);

        assertDropped(DropReason.SPOOFED_IP);
    }

    @Test
    void aGratuitousArpForTheGatewayIsDroppedAndNoNeighbourChanges() {
        byte[] frame = new byte[ForwardingEngine.HEADROOM + ArpFrames.FRAME_LENGTH];
        ArpFrames.gratuitous(frame, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(), GATEWAY.value());
        send(frame, 0);

        assertDropped(DropReason.SPOOFED_IP);
    }

    @Test
    void anArpWhoseSenderMacIsNotThePortsIsDropped() {
        byte[] frame = new byte[ForwardingEngine.HEADROOM + ArpFrames.FRAME_LENGTH];
        ArpFrames.request(frame, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(), VM1_IP.value(), GATEWAY.value());
        // The Ethernet source is VM1's; the ARP sender hardware address claims VM2's.
        long vm2 = EngineHarness.VM2_MAC.value();
        for (int i = 0; i < 6; i++) {
            frame[ForwardingEngine.HEADROOM + 14 + 8 + i] = (byte) (vm2 >>> (40 - 8 * i));
        }
        send(frame, 0);

        assertDropped(DropReason.SPOOFED_MAC);
    }

    @Test
    void aFrameWithTheRouterMacAsSourceIsDropped() {
        send(echo(EngineHarness.ROUTER_MAC, VM1_IP, VM2_IP), 0);
        send(echo(EngineHarness.VMAC, VM1_IP, VM2_IP), 0);

        assertThat(h.engine.counters().dropped(DropReason.SPOOFED_MAC)).isEqualTo(2);
        assertThat(h.wire).isEmpty();
        assertThat(h.engine.tables()).isEqualTo(before);
    }

    @Test
    void theVmItselfIsRoutedAndMayUseTheUnspecifiedAddress() {
        send(echo(EngineHarness.VM1_MAC, VM1_IP, VM2_IP), 0);
        byte[] dhcp = new byte[ForwardingEngine.HEADROOM + 64];
        int n = UdpFrames.write(dhcp, ForwardingEngine.HEADROOM, new FrameAddresses(EngineHarness.VM1_MAC.value(),
                MacAddress.BROADCAST.value(), 0, 0xffffffff), 68, 67, new byte[8], 0, 8);
        h.fromVm1(dhcp, ForwardingEngine.HEADROOM, n);

        assertThat(h.sent("vxlan")).as("the echo, routed to VM2's host").isNotEmpty();
        assertThat(h.engine.counters().dropped(DropReason.SPOOFED_MAC) + h.engine.counters().dropped(DropReason.SPOOFED_IP))
                .isZero();
    }

    @Test
    void aFlowTheFastPathKnowsIsStillCheckedForItsSourceMac() {
        send(echo(EngineHarness.VM1_MAC, VM1_IP, VM2_IP), 0);
        send(echo(EngineHarness.VM1_MAC, VM1_IP, VM2_IP), 0);
        assertThat(h.engine.counters().flowCacheHits()).as("the second took the fast path").isEqualTo(1);

        send(echo(EngineHarness.VM2_MAC, VM1_IP, VM2_IP), 0);

        assertThat(h.engine.counters().dropped(DropReason.SPOOFED_MAC)).isEqualTo(1);
        assertThat(h.sent("vxlan")).as("only VM1's own two left").hasSize(2);
    }

    @Test
    void aTaggedFrameFromAVmIsDroppedWhateverItCarries() {
        byte[] plain = echo(EngineHarness.VM1_MAC, VM2_IP, VM1_IP);
        byte[] tagged = new byte[plain.length + 4];
        int off = ForwardingEngine.HEADROOM;
        System.arraycopy(plain, off, tagged, off, 12);
        tagged[off + 12] = (byte) 0x81;
        tagged[off + 13] = 0x00;
        tagged[off + 15] = 100; // VLAN 100
        System.arraycopy(plain, off + 12, tagged, off + 16, plain.length - off - 12);

        send(tagged, 0);

        assertDropped(DropReason.TAGGED_FROM_VNIC);
    }

    @Test
    void theUnspecifiedSourceIsForDhcpOnly() {
        send(echo(EngineHarness.VM1_MAC, Ipv4Address.parse("0.0.0.0"), VM2_IP), 0);

        assertDropped(DropReason.SPOOFED_IP);
    }

    @Test
    void aTracedSpoofedFrameEndsAtTheVnicWithItsReason() {
        send(echo(EngineHarness.VM1_MAC, VM2_IP, VM1_IP), 33);

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObservationKind.DROPPED);
            assertThat(o.dropReason()).isEqualTo(DropReason.SPOOFED_IP);
            assertThat(o.componentName()).isEqualTo(EngineHarness.VM1.value());
            assertThat(o.decidedBy()).contains(VM1_IP.toString());
        });
    }

    private void assertDropped(DropReason reason) {
        assertThat(h.engine.counters().dropped(reason)).isEqualTo(1);
        assertThat(h.wire).as("nothing left the host").isEmpty();
        assertThat(h.engine.tables()).as("no table learned from it").isEqualTo(before);
    }

    private void send(byte[] frame, int traceId) {
        h.engine.fromPort(h.engine.portIndex(EngineHarness.VM1), frame, ForwardingEngine.HEADROOM,
                frame.length - ForwardingEngine.HEADROOM, traceId);
    }

    private static byte[] echo(MacAddress src, Ipv4Address from, Ipv4Address to) {
        byte[] frame = new byte[ForwardingEngine.HEADROOM + IcmpFrames.HEADERS_LENGTH + 8];
        IcmpFrames.echoRequest(frame, ForwardingEngine.HEADROOM, new FrameAddresses(src.value(),
                EngineHarness.VMAC.value(), from.value(), to.value()), 1, 1, new byte[8], 0, 8);
        return frame;
    }
}
