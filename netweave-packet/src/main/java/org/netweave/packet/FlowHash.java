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
 * <p>It runs once per packet and the flow-cache probe waits for it, so an IPv4 hash is a single
 * multiplication: the 5-tuple is folded into one word (ports and protocol XORed into the address
 * pair), multiplied by an odd constant, and the hash is the product's upper half, which every
 * bit of the folded word reaches. It is a hash for spreading, not against an adversary: the
 * caches it indexes compare their keys exactly. Other frames multiply their MAC words by two
 * constants and mix the sum with MurmurHash3's finalizer.
 */
public final class FlowHash {
    private static final long K_DST = 0x9E37_79B9_7F4A_7C15L;
    private static final long K_SRC = 0xC2B2_AE3D_27D4_EB4FL;
    private static final long K_ADDRESSES = 0x1656_67B1_9E37_79F9L;
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
        // One multiplication: the packet's flow-cache probe waits for this value, so its latency
        // counts. Ports and protocol are folded into the address word first; the high half of
        // the product depends on every bit of the folded word.
        long folded = addresses ^ (ports & 0xFFFF_FFFFL) << 24 ^ (long) protocol << 56;
        return (int) ((folded * K_ADDRESSES) >>> 32);
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
