package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.*;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.Vxlan;

/**
 * One forwarding engine (host A of the seed topology) with a recording wire and recording VMs:
 * drives the pipeline synchronously, frame by frame, for behaviour tests of single stages.
 */
final class EngineHarness {
    static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");
    static final MacAddress ROUTER_MAC = MacAddress.parse("02:50:56:00:01:01");
    static final MacAddress VM1_MAC = MacAddress.parse("00:50:56:00:01:0a");
    static final MacAddress VM2_MAC = MacAddress.parse("00:50:56:00:02:0a");
    static final MacAddress VM3_MAC = MacAddress.parse("00:50:56:00:01:0b");
    static final Ipv4Address SELF = Ipv4Address.parse("127.0.9.1");
    static final Ipv4Address PEER = Ipv4Address.parse("127.0.9.2");
    static final Ipv4Prefix SEGMENT = Ipv4Prefix.parse("127.0.9.0/24");
    static final DlrId DLR = DlrId.of("edge-1");
    static final PortId VM1 = PortId.of("vm1.000");
    static final PortId VM3 = PortId.of("vm3.000");

    /** One packet the engine put on the wire. */
    record Out(String kind, int dst, byte[] frame) {
        /** Offset of the inner Ethernet frame for VXLAN output. */
        static final int INNER = 50;
    }

    final List<Out> wire = new ArrayList<>();
    final List<byte[]> vm1Frames = new ArrayList<>();
    final List<byte[]> vm3Frames = new ArrayList<>();
    final ForwardingEngine engine;

    EngineHarness() {
        engine = new ForwardingEngine(new HostDatapathConfig(HostId.of("host-a"), SELF, SEGMENT,
                MacAddress.of(EmulatedUnderlay.vtepMac(SELF.value())), ROUTER_MAC, Vxlan.DEFAULT_UDP_PORT), new Wire() {
                    @Override
                    public boolean sendVxlan(int dst, byte[] b, int off, int len) {
                        wire.add(new Out("vxlan", dst, Arrays.copyOfRange(b, off, off + len)));
                        return true;
                    }

                    @Override
                    public boolean sendMulticast(int group, byte[] b, int off, int len) {
                        wire.add(new Out("multicast", group, Arrays.copyOfRange(b, off, off + len)));
                        return true;
                    }

                    @Override
                    public boolean sendUplink(byte[] b, int off, int len) {
                        wire.add(new Out("uplink", 0, Arrays.copyOfRange(b, off, off + len)));
                        return true;
                    }
                });
        engine.connect(VM1, (b, off, len) -> vm1Frames.add(Arrays.copyOfRange(b, off, off + len)));
        engine.connect(VM3, (b, off, len) -> vm3Frames.add(Arrays.copyOfRange(b, off, off + len)));
    }

    /** Seed topology on this host: VNIs 5000/5001 with the peer VTEP, the DLR, VM1 local, VM2 behind the peer. */
    EngineHarness seedTopology() {
        List<DatapathChange> changes = new ArrayList<>();
        for (int vni : new int[] {5000, 5001}) {
            changes.add(new PutLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(vni))));
            changes.add(new PutVtep(Vni.of(vni), new VtepRecord(SELF, SEGMENT)));
            changes.add(new PutVtep(Vni.of(vni), new VtepRecord(PEER, SEGMENT)));
        }
        changes.add(new PutDlr(DLR));
        changes.add(new PutLif(DLR, lif("lif-5000", 5000, "10.0.1.1/24")));
        changes.add(new PutLif(DLR, lif("lif-5001", 5001, "10.0.2.1/24")));
        changes.add(new AttachPort(new VnicPort(VM1, Vni.of(5000), VM1_MAC)));
        changes.add(new PutRemoteMac(Vni.of(5001), VM2_MAC, PEER));
        changes.add(new PutArpEntry(Vni.of(5001), Ipv4Address.parse("10.0.2.10"), VM2_MAC));
        engine.apply(changes);
        return this;
    }

    static Lif lif(String id, int vni, String address) {
        return new Lif(LifId.of(id), LifType.INTERNAL, Vni.of(vni), Ipv4InterfaceAddress.parse(address), VMAC, false);
    }

    /** VM1 sends an ICMP echo request to {@code dst} via its gateway with the given TTL. */
    void vm1Pings(String dst, int ttl) {
        byte[] b = new byte[ForwardingEngine.HEADROOM + 200];
        int n = IcmpFrames.echoRequest(b, ForwardingEngine.HEADROOM,
                new FrameAddresses(VM1_MAC.value(), VMAC.value(), Ipv4Address.parse("10.0.1.10").value(),
                        Ipv4Address.parse(dst).value()), 7, 1, new byte[16], 0, 16);
        org.netweave.packet.Ipv4.setTtl(b, ForwardingEngine.HEADROOM + 14, ttl);
        org.netweave.packet.Ipv4.updateChecksum(b, ForwardingEngine.HEADROOM + 14);
        fromVm1(b, ForwardingEngine.HEADROOM, n);
    }

    void fromVm1(byte[] b, int off, int len) {
        engine.fromPort(engine.portIndex(VM1), b, off, len);
    }

    /** Delivers {@code inner} as a VXLAN datagram from {@code src} with the given flags and VNI. */
    void fromTunnel(Ipv4Address src, int flags, int vni, byte[] inner) {
        fromTunnel(src, flags, vni, 0, inner);
    }

    void fromTunnel(Ipv4Address src, int flags, int vni, int traceId, byte[] inner) {
        byte[] b = new byte[ForwardingEngine.HEADROOM + inner.length + 8];
        int vx = ForwardingEngine.HEADROOM - 8;
        Vxlan.write(b, vx, flags, vni, traceId);
        System.arraycopy(inner, 0, b, ForwardingEngine.HEADROOM, inner.length);
        engine.fromTunnel(src.value(), b, vx, inner.length + 8);
    }

    List<Out> sent(String kind) {
        return wire.stream().filter(o -> o.kind().equals(kind)).toList();
    }
}
