package org.netweave.packet;

/**
 * A hash of an Ethernet frame's flow, for the VXLAN outer UDP source port (RFC 7348 §5) and for
 * spreading flows over queues and cache slots.
 *
 * <p>All frames of one flow hash alike, so ECMP and RSS in the underlay keep them on one path
 * and in order. For IPv4 the flow is what Linux's flow dissector takes for its VXLAN source
 * port: the address pair and protocol, and for unfragmented TCP and UDP also the port pair.
 * MACs stay out of it, so a router's MAC rewrite and TTL decrement leave a flow's hash as it
 * was: the pipeline hashes a frame once, when it arrives, and uses the value for its flow
 * cache and for the tunnel. Fragments leave the ports out, so all fragments of a datagram, the
 * first included, take one path. Other frames hash their MAC pair and EtherType.
 *
 * <p>It runs once per packet, so it reads the fields as words, multiplies each by its own odd
 * constant — independent multiplications the CPU overlaps — and adds them; a word that differs
 * changes the sum, since an odd multiplier is invertible modulo 2^64. The sum's halves are
 * folded together and multiplied by MurmurHash3's first finalizer constant, and the hash is the
 * high half of that product, to which every bit of the sum contributes.
 */
public final class FlowHash {
    private static final long K_DST = 0x9E37_79B9_7F4A_7C15L;
    private static final long K_SRC = 0xC2B2_AE3D_27D4_EB4FL;
    private static final long K_ADDRESSES = 0x1656_67B1_9E37_79F9L;
    private static final long K_PORTS = 0x27D4_EB2F_1656_67C5L;
    private static final long F1 = 0xFF51_AFD7_ED55_8CCDL;
    private static final int PORTS_LENGTH = 4;

    private FlowHash() {
    }

    /** The flow hash of the {@code len}-byte frame at {@code off}; never throws, whatever the bytes. */
    public static int of(byte[] b, int off, int len) {
        if (b == null || !Bytes.inBounds(b, off, len) || len < Ethernet.HEADER_LENGTH) {
            return 0;
        }
        int etherType = Ethernet.etherType(b, off);
        int ip = off + Ethernet.HEADER_LENGTH;
        int ipLen = len - Ethernet.HEADER_LENGTH;
        if (etherType == Ethernet.TYPE_IPV4 && ipLen >= Ipv4.MIN_HEADER_LENGTH) {
            int protocol = Ipv4.protocol(b, ip);
            return ofIpv4(Bytes.u64(b, ip + Ipv4.SRC_OFFSET), protocol, ports(b, ip, ipLen, protocol));
        }
        return finish(Ethernet.dst(b, off) * K_DST + (Ethernet.src(b, off) << 16 | etherType) * K_SRC);
    }

    /**
     * The hash of an IPv4 flow from its fields: {@code addresses} is the source and destination
     * address as one big-endian word (the 8 bytes at header offset 12), {@code ports} the port
     * pair as {@link #ports} reads it.
     */
    public static int ofIpv4(long addresses, int protocol, int ports) {
        return finish(addresses * K_ADDRESSES + ((ports & 0xFFFF_FFFFL) << 8 | protocol) * K_PORTS);
    }

    /**
     * The source and destination port of a TCP or UDP packet as one word, or 0 for other
     * protocols, fragments and headers too short to hold them: the part of the flow key past
     * the IPv4 header. {@code ip} is the IPv4 header's offset, {@code ipLen} the bytes from there.
     */
    public static int ports(byte[] b, int ip, int ipLen, int protocol) {
        if (protocol != Ipv4.PROTOCOL_TCP && protocol != Ipv4.PROTOCOL_UDP || Ipv4.isFragment(b, ip)) {
            return 0;
        }
        int headerLen = Ipv4.headerLength(b, ip);
        return headerLen >= Ipv4.MIN_HEADER_LENGTH && headerLen + PORTS_LENGTH <= ipLen ? Bytes.u32(b, ip + headerLen) : 0;
    }

    /** Folds the high half in and multiplies once more; the product's high half depends on every bit. */
    private static int finish(long h) {
        return (int) (((h ^ h >>> 32) * F1) >>> 32);
    }
}
