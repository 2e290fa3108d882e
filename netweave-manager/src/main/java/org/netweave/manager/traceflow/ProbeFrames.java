package org.netweave.manager.traceflow;

import java.util.Arrays;

import org.netweave.packet.Ethernet;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.Ipv4;
import org.netweave.packet.Tcp;
import org.netweave.packet.UdpFrames;

/** The Ethernet frame of a probe: a pure function of its fields. */
final class ProbeFrames {
    /** ICMP echo data and UDP payload: eight bytes, enough for a middlebox to see a whole header. */
    private static final int PAYLOAD = 8;
    private static final int ECHO_IDENTIFIER = 0x7F1C;

    private ProbeFrames() {
    }

    static byte[] of(Probe probe) {
        FrameAddresses a = FrameAddresses.of(probe.srcMac(), probe.dstMac(), probe.srcIp(), probe.dstIp());
        byte[] frame = new byte[Math.max(IcmpFrames.HEADERS_LENGTH, UdpFrames.HEADERS_LENGTH) + Tcp.HEADER_LENGTH + PAYLOAD];
        int len = switch (probe.protocol()) {
            case ICMP -> IcmpFrames.echoRequest(frame, 0, a, ECHO_IDENTIFIER, 1, new byte[PAYLOAD], 0, PAYLOAD);
            case UDP -> UdpFrames.write(frame, 0, a, probe.srcPort(), probe.dstPort(), new byte[PAYLOAD], 0, PAYLOAD);
            case TCP -> Tcp.synFrame(frame, 0, a, probe.ttl(), probe.srcPort(), probe.dstPort(), 1);
        };
        int ip = Ethernet.HEADER_LENGTH;
        if (Ipv4.ttl(frame, ip) != probe.ttl()) {
            Ipv4.setTtl(frame, ip, probe.ttl());
            Ipv4.updateChecksum(frame, ip);
        }
        return Arrays.copyOf(frame, len);
    }
}
