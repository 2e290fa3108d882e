package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.dataplane.DatapathChange.PutExternalVtep;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.BridgeId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Dot1q;
import org.netweave.packet.Ethernet;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.UdpFrames;
import org.netweave.packet.Vxlan;

/** The logical-switch stage on one host: tunnel ingress checks, learning, bridging, ARP suppression. */
class SwitchingStageTest {
    static final MacAddress REMOTE_VM = MacAddress.parse("00:50:56:00:01:99");
    final EngineHarness h = new EngineHarness().seedTopology();

    static byte[] udpFrame(MacAddress src, MacAddress dst) {
        byte[] f = new byte[64];
        int n = UdpFrames.write(f, 0, new FrameAddresses(src.value(), dst.value(), 0x0a000163, 0x0a00010a), 1000, 2000,
                new byte[8], 0, 8);
        return java.util.Arrays.copyOf(f, n);
    }

    @Test
    void vxlanFromAnUnknownVtepIsDroppedAndNotLearned() {
        h.fromTunnel(Ipv4Address.parse("127.0.9.77"), 0, 5000, udpFrame(REMOTE_VM, EngineHarness.VM1_MAC));

        assertThat(h.vm1Frames).isEmpty();
        assertThat(h.engine.counters().dropped(DropReason.UNKNOWN_VTEP)).isEqualTo(1);
        assertThat(h.engine.tables().logicalSwitch(5000).mac(REMOTE_VM)).isNull();
    }

    /** A traced probe that meets either tunnel drop ends there, with its reason, on the receiving host. */
    @Test
    void aTracedProbeFromAnUnknownVtepOrOnAnUnknownVniEndsWithThatReason() {
        java.util.List<org.netweave.dataplane.Observation> seen = new java.util.ArrayList<>();
        h.engine.setObservationSink(seen::add);

        h.fromTunnel(Ipv4Address.parse("127.0.9.77"), Vxlan.FLAG_I | Vxlan.FLAG_TRACE, 5000, 61,
                udpFrame(REMOTE_VM, EngineHarness.VM1_MAC));
        h.fromTunnel(EngineHarness.PEER, Vxlan.FLAG_I | Vxlan.FLAG_TRACE, 7777, 62, udpFrame(REMOTE_VM, EngineHarness.VM1_MAC));

        assertThat(seen).extracting(o -> o.traceId() + " " + o.kind() + " " + o.dropReason())
                .containsExactly("61 DROPPED UNKNOWN_VTEP", "62 DROPPED UNKNOWN_VNI");
    }

    @Test
    void vxlanForAVniTheHostDoesNotCarryIsDropped() {
        h.fromTunnel(EngineHarness.PEER, 0, 7777, udpFrame(REMOTE_VM, EngineHarness.VM1_MAC));
        assertThat(h.engine.counters().dropped(DropReason.UNKNOWN_VNI)).isEqualTo(1);
    }

    @Test
    void vxlanWithoutTheIFlagOrTruncatedIsMalformed() {
        byte[] b = new byte[ForwardingEngine.HEADROOM + 100];
        int vx = ForwardingEngine.HEADROOM - 8;
        b[vx] = 0; // I flag clear
        h.engine.fromTunnel(EngineHarness.PEER.value(), b, vx, 60);
        h.engine.fromTunnel(EngineHarness.PEER.value(), b, vx, 5);
        assertThat(h.engine.counters().dropped(DropReason.MALFORMED)).isEqualTo(2);
        assertThat(h.vm1Frames).isEmpty();
    }

    @Test
    void vxlanFromAKnownVtepIsDeliveredAndItsSourceLearned() {
        h.fromTunnel(EngineHarness.PEER, 0, 5000, udpFrame(REMOTE_VM, EngineHarness.VM1_MAC));

        assertThat(h.vm1Frames).hasSize(1);
        var entry = h.engine.tables().logicalSwitch(5000).mac(REMOTE_VM);
        assertThat(entry.location()).isEqualTo(MacLocation.REMOTE_VTEP);
        assertThat(entry.where()).isEqualTo("127.0.9.2");
        assertThat(entry.learned()).isTrue();
    }

    @Test
    void aProxysReplicatedCopyIsDeliveredButNotLearned() {
        byte[] broadcast = udpFrame(REMOTE_VM, MacAddress.BROADCAST);
        h.fromTunnel(EngineHarness.PEER, Vxlan.FLAG_REPLICATED, 5000, broadcast);

        assertThat(h.vm1Frames).hasSize(1);
        assertThat(h.engine.tables().logicalSwitch(5000).mac(REMOTE_VM)).isNull();
    }

    @Test
    void unicastFromATunnelForANonLocalMacIsNotForwardedToAnotherTunnel() {
        h.fromTunnel(EngineHarness.PEER, 0, 5001, udpFrame(REMOTE_VM, EngineHarness.VM2_MAC));
        assertThat(h.wire).isEmpty();
        assertThat(h.engine.counters().dropped(DropReason.NOT_LOCAL)).isEqualTo(1);
    }

    @Test
    void externalVtepGetsPlainVxlanAndIsAcceptedAsASource() {
        Ipv4Address kernel = Ipv4Address.parse("198.18.0.2");
        MacAddress kernelMac = MacAddress.parse("02:00:00:00:99:01");
        h.engine.apply(List.of(new PutExternalVtep(Vni.of(5000),
                new ExternalVtep(kernel, Map.of(Ipv4Address.parse("10.0.1.50"), kernelMac)))));

        h.fromTunnel(kernel, 0, 5000, udpFrame(kernelMac, EngineHarness.VM1_MAC));
        assertThat(h.vm1Frames).hasSize(1);

        h.engine.fromPort(h.engine.portIndex(EngineHarness.VM1), frameWithHeadroom(udpFrame(EngineHarness.VM1_MAC, kernelMac)),
                ForwardingEngine.HEADROOM, 50);
        EngineHarness.Out out = h.wire.getLast();
        assertThat(out.dst()).isEqualTo(kernel.value());
        assertThat(out.frame()[42]).as("only the I flag").isEqualTo((byte) Vxlan.FLAG_I);
    }

    /** A traceflow probe ends at an external VTEP: it cannot carry the trace on, and its hosts would answer. */
    @Test
    void aTracedProbeIsNotSentToAnExternalVtep() {
        Ipv4Address kernel = Ipv4Address.parse("198.18.0.2");
        MacAddress kernelMac = MacAddress.parse("02:00:00:00:99:01");
        h.engine.apply(List.of(new PutExternalVtep(Vni.of(5000),
                new ExternalVtep(kernel, Map.of(Ipv4Address.parse("10.0.1.50"), kernelMac)))));
        java.util.List<org.netweave.dataplane.Observation> seen = new java.util.ArrayList<>();
        h.engine.setObservationSink(seen::add);

        h.engine.fromPort(h.engine.portIndex(EngineHarness.VM1), frameWithHeadroom(udpFrame(EngineHarness.VM1_MAC, kernelMac)),
                ForwardingEngine.HEADROOM, 50, 42);

        assertThat(h.wire).isEmpty();
        assertThat(seen).extracting(o -> o.kind() + " " + o.componentName()).endsWith(
                "FORWARDED " + kernel, "DELIVERED " + kernel);
    }

    @Test
    void bridgeNeverSendsAVlanFrameBackToTheVlan() {
        MacAddress serverA = MacAddress.parse("00:11:22:33:44:01");
        MacAddress serverB = MacAddress.parse("00:11:22:33:44:02");
        h.engine.apply(List.of(new PutBridge(new Bridge(BridgeId.of("bridge-1"), Vni.of(5001), VlanId.of(100)))));
        h.engine.fromUplink(tagged(udpFrame(serverA, MacAddress.BROADCAST), 100), ForwardingEngine.HEADROOM - 4, 54);
        int sentAfterFlood = h.wire.size();
        assertThat(h.engine.tables().logicalSwitch(5001).mac(serverA).location()).isEqualTo(MacLocation.VLAN);

        h.engine.fromUplink(tagged(udpFrame(serverB, serverA), 100), ForwardingEngine.HEADROOM - 4, 54);

        assertThat(h.wire).hasSize(sentAfterFlood);
        assertThat(h.engine.counters().dropped(DropReason.BRIDGE_LOOP_GUARD)).isEqualTo(1);
    }

    @Test
    void bridgedFrameLeavesTaggedWithTheBridgeVlan() {
        MacAddress server = MacAddress.parse("00:11:22:33:44:01");
        h.engine.apply(List.of(
                new PutBridge(new Bridge(BridgeId.of("bridge-1"), Vni.of(5000), VlanId.of(100))),
                new AttachPort(new VnicPort(EngineHarness.VM3, Vni.of(5000), EngineHarness.VM3_MAC))));
        h.engine.fromUplink(tagged(udpFrame(server, MacAddress.BROADCAST), 100), ForwardingEngine.HEADROOM - 4, 54);

        h.fromVm1(frameWithHeadroom(udpFrame(EngineHarness.VM1_MAC, server)), ForwardingEngine.HEADROOM, 50);

        List<EngineHarness.Out> uplink = h.sent("uplink");
        assertThat(uplink).hasSize(1);
        byte[] f = uplink.getFirst().frame();
        assertThat(Dot1q.isTagged(f, 0)).isTrue();
        assertThat(Dot1q.vid(f, Dot1q.TAG_OFFSET)).isEqualTo(100);
        assertThat(Ethernet.dst(f, 0)).isEqualTo(server.value());
        assertThat(h.vm3Frames).as("the flooded broadcast reached VM3, the unicast did not").hasSize(1);
    }

    @Test
    void arpSuppressionAnswersFromTheTableAndFloodsOnlyOnAMiss() {
        byte[] known = new byte[ForwardingEngine.HEADROOM + 42];
        ArpFrames.request(known, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(),
                Ipv4Address.parse("10.0.1.10").value(), Ipv4Address.parse("10.0.1.1").value());
        h.fromVm1(known, ForwardingEngine.HEADROOM, 42);
        assertThat(h.vm1Frames).as("the DLR answers for its LIF").hasSize(1);
        assertThat(Ethernet.src(h.vm1Frames.getFirst(), 0)).isEqualTo(EngineHarness.VMAC.value());

        byte[] unknown = new byte[ForwardingEngine.HEADROOM + 42];
        ArpFrames.request(unknown, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(),
                Ipv4Address.parse("10.0.1.10").value(), Ipv4Address.parse("10.0.1.77").value());
        h.fromVm1(unknown, ForwardingEngine.HEADROOM, 42);
        assertThat(h.wire).as("a miss is flooded to the peer").hasSize(1);
        assertThat(h.engine.counters().arpFlooded()).isEqualTo(1);

        MacAddress resolved = MacAddress.parse("00:50:56:00:01:4d");
        h.engine.setArpResolver((vni, ip) -> ip.equals(Ipv4Address.parse("10.0.1.77")) ? resolved : null);
        ArpFrames.request(unknown, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(),
                Ipv4Address.parse("10.0.1.10").value(), Ipv4Address.parse("10.0.1.77").value());
        h.fromVm1(unknown, ForwardingEngine.HEADROOM, 42);
        assertThat(h.wire).as("the controller knew it: nothing flooded").hasSize(1);
        assertThat(org.netweave.packet.Arp.sha(h.vm1Frames.getLast(), 14)).isEqualTo(resolved.value());
        assertThat(h.engine.counters().arpSuppressed()).isEqualTo(1);
    }

    static byte[] frameWithHeadroom(byte[] frame) {
        byte[] b = new byte[ForwardingEngine.HEADROOM + frame.length];
        System.arraycopy(frame, 0, b, ForwardingEngine.HEADROOM, frame.length);
        return b;
    }

    /** The frame tagged with {@code vlan}, starting at HEADROOM - 4. */
    static byte[] tagged(byte[] frame, int vlan) {
        byte[] b = frameWithHeadroom(frame);
        Dot1q.push(b, ForwardingEngine.HEADROOM, Dot1q.tci(0, false, vlan));
        return b;
    }
}
