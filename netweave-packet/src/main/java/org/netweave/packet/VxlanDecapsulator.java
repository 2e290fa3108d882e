package org.netweave.packet;

/**
 * Reads a received VXLAN packet in place: the check a VTEP makes before it trusts the outer
 * headers, and fixed-offset accessors for the fields it needs afterwards.
 *
 * <p>It handles the layout {@link VxlanEncapsulator} writes and every VTEP sends: outer
 * Ethernet, IPv4 without options, UDP, VXLAN, inner frame at {@code outer + 50}. An outer header
 * with IP options or fragmented is refused rather than parsed: no VTEP sends one, and refusing
 * keeps every later access at a constant offset. When a VTEP is a UDP socket the kernel has
 * already stripped Ethernet, IPv4 and UDP; that datagram payload is checked with
 * {@link Vxlan#isValid} and read with the {@link Vxlan} accessors at offset 0.
 */
public final class VxlanDecapsulator {
    public static final int IP_OFFSET = Ethernet.HEADER_LENGTH;
    public static final int UDP_OFFSET = IP_OFFSET + Ipv4.MIN_HEADER_LENGTH;
    public static final int VXLAN_OFFSET = UDP_OFFSET + Udp.HEADER_LENGTH;
    public static final int INNER_OFFSET = VxlanEncapsulator.OVERHEAD;

    private static final int VERSION_IHL = 0x45;

    private VxlanDecapsulator() {
    }

    /**
     * Whether the {@code len}-byte frame at {@code outer} is a VXLAN packet to {@code udpPort}
     * that this class can read: IPv4 without options, header checksum correct, not a fragment,
     * UDP and IP lengths consistent with each other and with {@code len}, the I flag set, and a
     * whole inner Ethernet header. Never throws, whatever the arguments.
     */
    public static boolean isVxlan(byte[] b, int outer, int len, int udpPort) {
        if (b == null || !Bytes.inBounds(b, outer, len) || len < INNER_OFFSET + Ethernet.HEADER_LENGTH) {
            return false;
        }
        int ip = outer + IP_OFFSET;
        int udp = outer + UDP_OFFSET;
        int ipLength = Ipv4.totalLength(b, ip);
        return Ethernet.etherType(b, outer) == Ethernet.TYPE_IPV4
                && Bytes.u8(b, ip) == VERSION_IHL
                && Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_UDP
                && !Ipv4.isFragment(b, ip)
                && Udp.dstPort(b, udp) == udpPort
                && ipLength <= len - IP_OFFSET
                && Udp.length(b, udp) == ipLength - Ipv4.MIN_HEADER_LENGTH
                && Udp.length(b, udp) >= Udp.HEADER_LENGTH + Vxlan.HEADER_LENGTH + Ethernet.HEADER_LENGTH
                && (b[outer + VXLAN_OFFSET] & Vxlan.FLAG_I) != 0
                && InternetChecksum.verifies(b, ip, Ipv4.MIN_HEADER_LENGTH);
    }

    public static int vni(byte[] b, int outer) {
        return Vxlan.vni(b, outer + VXLAN_OFFSET);
    }

    public static int flags(byte[] b, int outer) {
        return Vxlan.flags(b, outer + VXLAN_OFFSET);
    }

    public static int traceId(byte[] b, int outer) {
        return Vxlan.traceId(b, outer + VXLAN_OFFSET);
    }

    /** The sending VTEP, which the receiver learns inner source MACs against. */
    public static int srcVtep(byte[] b, int outer) {
        return Ipv4.src(b, outer + IP_OFFSET);
    }

    public static int dstVtep(byte[] b, int outer) {
        return Ipv4.dst(b, outer + IP_OFFSET);
    }

    public static long outerSrcMac(byte[] b, int outer) {
        return Ethernet.src(b, outer);
    }

    public static int udpSrcPort(byte[] b, int outer) {
        return Udp.srcPort(b, outer + UDP_OFFSET);
    }

    public static int innerOffset(int outer) {
        return outer + INNER_OFFSET;
    }

    /** The inner frame's length, from the UDP length field (the frame may carry padding after it). */
    public static int innerLength(byte[] b, int outer) {
        return Udp.length(b, outer + UDP_OFFSET) - Udp.HEADER_LENGTH - Vxlan.HEADER_LENGTH;
    }
}
