package org.netweave.packet;

/**
 * Whole ICMP-in-IPv4-in-Ethernet frames, for the slow paths of a router (time exceeded,
 * unreachable) and of an emulated host (echo).
 *
 * <p>Each builder writes into a caller-supplied array, returns the frame length and allocates
 * nothing. The error builders read the offending frame and write the error into a different,
 * non-overlapping region, because the error quotes the start of the offending packet.
 */
public final class IcmpFrames {
    /** Ethernet + IPv4 + ICMP header: the frame length of an echo without data. */
    public static final int HEADERS_LENGTH = Ethernet.HEADER_LENGTH + Ipv4.MIN_HEADER_LENGTH + Icmp.HEADER_LENGTH;

    private static final int IP = Ethernet.HEADER_LENGTH;
    private static final int LIMITED_BROADCAST = 0xFFFF_FFFF;

    private IcmpFrames() {
    }

    /** An echo request carrying {@code dataLen} bytes of {@code data}; returns the frame length. */
    public static int echoRequest(byte[] out, int off, FrameAddresses a, int identifier, int sequence, byte[] data,
            int dataOff, int dataLen) {
        return echo(out, off, a, Icmp.TYPE_ECHO_REQUEST, identifier, sequence, data, dataOff, dataLen);
    }

    public static int echoReply(byte[] out, int off, FrameAddresses a, int identifier, int sequence, byte[] data,
            int dataOff, int dataLen) {
        return echo(out, off, a, Icmp.TYPE_ECHO_REPLY, identifier, sequence, data, dataOff, dataLen);
    }

    /**
     * Turns the echo request frame at {@code off} (a valid one: the caller checked) into its
     * reply in place, as an emulated VM answers a ping: MACs and addresses swapped, TTL reset
     * to 64, type changed, both checksums patched. Data, identifier and sequence stay.
     */
    public static void echoReplyInPlace(byte[] b, int off) {
        int ip = off + IP;
        long mac = Ethernet.src(b, off);
        Ethernet.setSrc(b, off, Ethernet.dst(b, off));
        Ethernet.setDst(b, off, mac);
        int src = Ipv4.src(b, ip);
        Ipv4.setSrc(b, ip, Ipv4.dst(b, ip));
        Ipv4.setDst(b, ip, src);
        Ipv4.setTtl(b, ip, Ipv4.DEFAULT_TTL);
        Ipv4.updateChecksum(b, ip);
        int headerLen = Ipv4.headerLength(b, ip);
        Icmp.echoRequestToReply(b, ip + headerLen, Ipv4.totalLength(b, ip) - headerLen);
    }

    /**
     * Time exceeded in transit (type 11, code 0) from the router interface {@code routerMac} /
     * {@code routerIp} back to the sender of the offending frame. Returns the frame length.
     */
    public static int timeExceeded(byte[] out, int off, long routerMac, int routerIp, byte[] b, int frameOff,
            int frameLen) {
        return error(out, off, Icmp.TYPE_TIME_EXCEEDED, Icmp.CODE_TTL_EXCEEDED_IN_TRANSIT, routerMac, routerIp, b,
                frameOff, frameLen);
    }

    /**
     * Destination unreachable (type 3) with {@code code} {@link Icmp#CODE_NET_UNREACHABLE} (no
     * route) or {@link Icmp#CODE_HOST_UNREACHABLE} (no ARP answer on the connected network).
     * Returns the frame length.
     */
    public static int destinationUnreachable(byte[] out, int off, int code, long routerMac, int routerIp, byte[] b,
            int frameOff, int frameLen) {
        return error(out, off, Icmp.TYPE_DESTINATION_UNREACHABLE, code, routerMac, routerIp, b, frameOff, frameLen);
    }

    /**
     * Whether the frame may be answered with an ICMP error (RFC 1122 §3.2.2, RFC 1812 §4.3.2.7):
     * a valid IPv4 header, not itself an ICMP error, not a non-initial fragment, not sent to a
     * link-layer or IP broadcast or multicast, and from a unicast source. Never throws.
     */
    public static boolean mayAnswerWithError(byte[] b, int off, int len) {
        if (b == null || !Bytes.inBounds(b, off, len) || len < IP + Ipv4.MIN_HEADER_LENGTH
                || Ethernet.etherType(b, off) != Ethernet.TYPE_IPV4
                || !Ipv4.isHeaderValid(b, off + IP, len - IP) || Ethernet.isMulticastDst(b, off)) {
            return false;
        }
        int ip = off + IP;
        int src = Ipv4.src(b, ip);
        int dst = Ipv4.dst(b, ip);
        if (Ipv4.fragmentOffset(b, ip) != 0 || !isUnicast(src) || !isUnicast(dst)) {
            return false;
        }
        int headerLen = Ipv4.headerLength(b, ip);
        boolean icmp = Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_ICMP;
        return !icmp || (Ipv4.totalLength(b, ip) > headerLen && !Icmp.isError(Icmp.type(b, ip + headerLen)));
    }

    private static boolean isUnicast(int ip) {
        return ip != 0 && ip != LIMITED_BROADCAST && (ip >>> 28) != 0xE && (ip >>> 24) != 127;
    }

    private static int echo(byte[] out, int off, FrameAddresses a, int type, int identifier, int sequence,
            byte[] data, int dataOff, int dataLen) {
        int icmpLength = Icmp.HEADER_LENGTH + dataLen;
        int icmp = a.writeIpv4(out, off, Ipv4.PROTOCOL_ICMP, Ipv4.DEFAULT_TTL, icmpLength);
        int body = Icmp.writeHeader(out, icmp, type, 0, identifier << 16 | sequence & 0xFFFF);
        System.arraycopy(data, dataOff, out, body, dataLen);
        Icmp.updateChecksum(out, icmp, icmpLength);
        return HEADERS_LENGTH + dataLen;
    }

    private static int error(byte[] out, int off, int type, int code, long routerMac, int routerIp, byte[] b,
            int frameOff, int frameLen) {
        int ip = frameOff + IP;
        int quoted = quotedLength(b, ip, frameLen - IP);
        int icmpLength = Icmp.HEADER_LENGTH + quoted;
        int icmp = Ethernet.write(out, off, Ethernet.src(b, frameOff), routerMac, Ethernet.TYPE_IPV4);
        icmp = Ipv4.write(out, icmp, Ipv4.PROTOCOL_ICMP, routerIp, Ipv4.src(b, ip), icmpLength, Ipv4.DEFAULT_TTL);
        int body = Icmp.writeHeader(out, icmp, type, code, 0);
        System.arraycopy(b, ip, out, body, quoted);
        Icmp.updateChecksum(out, icmp, icmpLength);
        return HEADERS_LENGTH + quoted;
    }

    /** RFC 792: the original IP header and the first 8 bytes of its payload, as far as present. */
    private static int quotedLength(byte[] b, int ip, int available) {
        int headerLen = Ipv4.headerLength(b, ip);
        int wanted = Math.min(headerLen + Icmp.QUOTED_PAYLOAD_LENGTH, Ipv4.totalLength(b, ip));
        return Math.max(0, Math.min(wanted, available));
    }
}
