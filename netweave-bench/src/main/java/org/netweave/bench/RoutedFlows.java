package org.netweave.bench;

import java.util.SplittableRandom;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.dataplane.emulated.ForwardingEngine;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.Ethernet;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.Ipv4;
import org.netweave.packet.Udp;
import org.netweave.packet.UdpFrames;
import org.netweave.packet.Vxlan;
import org.netweave.packet.VxlanEncapsulator;

/**
 * Pre-built VM frames of a {@link RoutedOverlay}'s flows, one per flow, with the VXLAN packet
 * each must become: a local VM's UDP datagram (64-byte payload, TTL 64) to its gateway's vMAC,
 * for a remote VM on another switch or, for {@code routedFlowsPercent} of the flows, an address
 * inside a random static route. Each flow has its own source port.
 */
final class RoutedFlows {
    static final int PAYLOAD_LENGTH = 64;
    static final int DST_PORT = 5001;
    static final int FIRST_SRC_PORT = 1024;
    private static final int INNER_TTL = Ipv4.DEFAULT_TTL;

    final int count;
    final byte[][] frames;
    final int[] lengths;
    final int[] ports;
    private final int[] dstIps;
    private final int[] expectedVteps;
    private final int[] expectedVnis;
    private final long[] expectedInnerDsts;

    RoutedFlows(RoutedOverlay overlay, long seed) {
        OverlayShape shape = overlay.shape;
        count = shape.flows();
        frames = new byte[count][];
        lengths = new int[count];
        ports = new int[count];
        dstIps = new int[count];
        expectedVteps = new int[count];
        expectedVnis = new int[count];
        expectedInnerDsts = new long[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int f = 0; f < count; f++) {
            int src = random.nextInt(shape.localVms());
            if (random.nextInt(100) < shape.routedFlowsPercent()) {
                toRoutedDestination(overlay, f, random);
            } else {
                toRemoteVm(overlay, f, src, random);
            }
            frames[f] = new byte[UdpFrames.HEADERS_LENGTH + PAYLOAD_LENGTH];
            FrameAddresses a = new FrameAddresses(overlay.vmMac(src), RoutedOverlay.VMAC.value(), overlay.vmIp(src),
                    dstIps[f]);
            lengths[f] = UdpFrames.write(frames[f], 0, a, FIRST_SRC_PORT + f, DST_PORT, new byte[PAYLOAD_LENGTH], 0,
                    PAYLOAD_LENGTH);
            ports[f] = overlay.engine.portIndex(overlay.port(src));
        }
    }

    private void toRemoteVm(RoutedOverlay overlay, int f, int src, SplittableRandom random) {
        OverlayShape shape = overlay.shape;
        int dst;
        do {
            dst = random.nextInt(shape.localVms(), shape.vms());
        } while (overlay.vmSwitch(dst) == overlay.vmSwitch(src));
        dstIps[f] = overlay.vmIp(dst);
        expectedVteps[f] = overlay.vmVtep(dst);
        expectedVnis[f] = overlay.vni(overlay.vmSwitch(dst));
        expectedInnerDsts[f] = overlay.vmMac(dst);
    }

    private void toRoutedDestination(RoutedOverlay overlay, int f, SplittableRandom random) {
        int dst = overlay.table.destinations(1, 100, random.nextLong())[0];
        int sw = overlay.routes.lookup(dst);
        dstIps[f] = dst;
        expectedVteps[f] = overlay.gatewayVtep(sw);
        expectedVnis[f] = overlay.vni(sw);
        expectedInnerDsts[f] = overlay.gatewayMac(sw);
    }

    /**
     * Sends every flow through the pipeline once and throws unless each came out as the routed
     * VXLAN packet it must be, so a benchmark cannot end up measuring a drop path.
     */
    void verify(RoutedOverlay overlay) {
        byte[] work = new byte[ForwardingEngine.HEADROOM + 2048];
        CountingWire wire = overlay.wire;
        for (int f = 0; f < count; f++) {
            long before = wire.packets;
            System.arraycopy(frames[f], 0, work, ForwardingEngine.HEADROOM, lengths[f]);
            overlay.engine.fromPort(ports[f], work, ForwardingEngine.HEADROOM, lengths[f]);
            String problem = wire.packets != before + 1 || wire.unexpected != 0 ? "not exactly one VXLAN packet"
                    : problem(f, wire.lastVtep, work, wire.lastOffset, wire.lastLength);
            if (problem != null) {
                throw new IllegalStateException("flow " + f + " to " + Ipv4Address.toString(dstIps[f]) + ": "
                        + problem + "; counters " + overlay.engine.counters());
            }
        }
    }

    private String problem(int f, int vtep, byte[] b, int outer, int len) {
        int ip = outer + Ethernet.HEADER_LENGTH;
        int udp = ip + Ipv4.MIN_HEADER_LENGTH;
        int vx = udp + Udp.HEADER_LENGTH;
        int inner = outer + VxlanEncapsulator.OVERHEAD;
        int innerIp = inner + Ethernet.HEADER_LENGTH;
        long localVtepMac = EmulatedUnderlay.vtepMac(RoutedOverlay.LOCAL_VTEP.value());
        if (vtep != expectedVteps[f] || len != lengths[f] + VxlanEncapsulator.OVERHEAD) {
            return "sent to " + Ipv4Address.toString(vtep) + ", " + len + " bytes";
        }
        if (Ethernet.dst(b, outer) != EmulatedUnderlay.vtepMac(vtep) || Ethernet.src(b, outer) != localVtepMac
                || Ethernet.etherType(b, outer) != Ethernet.TYPE_IPV4) {
            return "wrong outer Ethernet header";
        }
        if (!Ipv4.isHeaderValid(b, ip, len - Ethernet.HEADER_LENGTH) || Ipv4.src(b, ip) != RoutedOverlay.LOCAL_VTEP.value()
                || Ipv4.dst(b, ip) != vtep || Ipv4.protocol(b, ip) != Ipv4.PROTOCOL_UDP) {
            return "wrong outer IPv4 header";
        }
        if (Udp.dstPort(b, udp) != Vxlan.DEFAULT_UDP_PORT || Udp.length(b, udp) != len - Ethernet.HEADER_LENGTH
                - Ipv4.MIN_HEADER_LENGTH) {
            return "wrong outer UDP header";
        }
        if (Vxlan.flags(b, vx) != Vxlan.FLAG_I || Vxlan.vni(b, vx) != expectedVnis[f]) {
            return "VNI " + Vxlan.vni(b, vx) + " flags " + Vxlan.flags(b, vx) + ", expected VNI " + expectedVnis[f];
        }
        if (Ethernet.dst(b, inner) != expectedInnerDsts[f] || Ethernet.src(b, inner) != RoutedOverlay.ROUTER_MAC.value()) {
            return "wrong inner MACs";
        }
        if (!Ipv4.isHeaderValid(b, innerIp, lengths[f] - Ethernet.HEADER_LENGTH) || Ipv4.ttl(b, innerIp) != INNER_TTL - 1
                || Ipv4.dst(b, innerIp) != dstIps[f]) {
            return "inner IPv4 header not routed (TTL " + Ipv4.ttl(b, innerIp) + ")";
        }
        return null;
    }
}
