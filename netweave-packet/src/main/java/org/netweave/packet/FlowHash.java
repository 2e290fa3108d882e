package org.netweave.packet;

/**
 * A hash of an Ethernet frame's flow, for the VXLAN outer UDP source port (RFC 7348 §5) and for
 * spreading flows over queues.
 *
 * <p>All frames of one flow hash alike, so ECMP and RSS in the underlay keep them on one path
 * and in order. The flow is the MAC pair and EtherType, for IPv4 also the address pair and
 * protocol, and for unfragmented TCP and UDP also the port pair: the 5-tuple Linux hashes for
 * its VXLAN source port. Fragments leave the ports out, as Linux's flow dissector does, so all
 * fragments of a datagram, the first included, take one path.
 *
 * <p>It runs once per packet sent into a tunnel, so it reads the fields as four words (the
 * destination MAC; the source MAC and EtherType; the address pair; protocol and ports),
 * multiplies each by its own odd constant — four independent multiplications the CPU overlaps —
 * and adds them; a word that differs changes the sum, since an odd multiplier is invertible
 * modulo 2^64. The sum's halves are folded together and multiplied by MurmurHash3's first
 * finalizer constant, and the hash is the high half of that product, to which every bit of the
 * sum contributes. The MACs are read as the pipeline writes them when it rewrites a frame
 * (16 + 32 bits each), so each load can be served from the store before it.
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
        long h = Ethernet.dst(b, off) * K_DST + (Ethernet.src(b, off) << 16 | etherType) * K_SRC;
        int ip = off + Ethernet.HEADER_LENGTH;
        int ipLen = len - Ethernet.HEADER_LENGTH;
        if (etherType == Ethernet.TYPE_IPV4 && ipLen >= Ipv4.MIN_HEADER_LENGTH) {
            int protocol = Ipv4.protocol(b, ip);
            int headerLen = Ipv4.headerLength(b, ip);
            boolean hasPorts = protocol == Ipv4.PROTOCOL_TCP || protocol == Ipv4.PROTOCOL_UDP;
            long ports = hasPorts && !Ipv4.isFragment(b, ip) && headerLen >= Ipv4.MIN_HEADER_LENGTH
                    && headerLen + PORTS_LENGTH <= ipLen ? Bytes.u32(b, ip + headerLen) & 0xFFFF_FFFFL : 0;
            h += Bytes.u64(b, ip + Ipv4.SRC_OFFSET) * K_ADDRESSES + (ports << 8 | protocol) * K_PORTS;
        }
        return finish(h);
    }

    /** Folds the high half in and multiplies once more; the product's high half depends on every bit. */
    private static int finish(long h) {
        return (int) (((h ^ h >>> 32) * F1) >>> 32);
    }
}
