package org.netweave.ovs;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Ipv4;

/**
 * A frame's header fields in the flow syntax of {@code ofproto/trace} ({@code icmp,dl_src=…,
 * nw_ttl=64,icmp_type=8,…}). The trace is given the fields, not the packet: with a packet it would
 * have side effects, such as teaching NORMAL's MAC table a probe's source. Pure.
 */
final class TraceFlowFields {
    private TraceFlowFields() {
    }

    static String of(byte[] frame) {
        String l2 = "dl_src=" + MacAddress.of(Ethernet.src(frame, 0)) + ",dl_dst=" + MacAddress.of(Ethernet.dst(frame, 0));
        int type = Ethernet.etherType(frame, 0);
        if (type != Ethernet.TYPE_IPV4 || frame.length < Ethernet.HEADER_LENGTH + Ipv4.MIN_HEADER_LENGTH) {
            return l2 + ",dl_type=0x" + Integer.toHexString(type);
        }
        int ip = Ethernet.HEADER_LENGTH;
        int l4 = ip + Ipv4.headerLength(frame, ip);
        int protocol = Ipv4.protocol(frame, ip);
        String l3 = ",nw_src=" + Ipv4Address.of(Ipv4.src(frame, ip)) + ",nw_dst=" + Ipv4Address.of(Ipv4.dst(frame, ip))
                + ",nw_ttl=" + Ipv4.ttl(frame, ip);
        return switch (protocol) {
            case Ipv4.PROTOCOL_ICMP -> "icmp," + l2 + l3 + ",icmp_type=" + u8(frame, l4) + ",icmp_code=" + u8(frame, l4 + 1);
            case Ipv4.PROTOCOL_UDP -> "udp," + l2 + l3 + ",udp_src=" + u16(frame, l4) + ",udp_dst=" + u16(frame, l4 + 2);
            case Ipv4.PROTOCOL_TCP -> "tcp," + l2 + l3 + ",tcp_src=" + u16(frame, l4) + ",tcp_dst=" + u16(frame, l4 + 2);
            default -> "ip," + l2 + l3 + ",nw_proto=" + protocol;
        };
    }

    private static int u8(byte[] b, int off) {
        return off < b.length ? b[off] & 0xFF : 0;
    }

    private static int u16(byte[] b, int off) {
        return off + 1 < b.length ? (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF : 0;
    }
}
