package org.netweave.packet;

/**
 * A hash of an Ethernet frame's flow, for the VXLAN outer UDP source port (RFC 7348 §5) and for
 * spreading flows over queues.
 *
 * <p>All frames of one flow hash alike, so ECMP and RSS in the underlay keep them on one path
 * and in order. The flow is the MAC pair and EtherType, for IPv4 also the address pair and
 * protocol, and for unfragmented TCP and UDP also the port pair: the 5-tuple Linux hashes for
 * its VXLAN source port. Fragments leave the ports out, as Linux's flow dissector does, so all
 * fragments of a datagram, the first included, take one path. The mixing is MurmurHash3's
 * (x86, 32-bit) block step and finalizer over those 32-bit words: a few nanoseconds, and every
 * input bit reaches every output bit.
 */
public final class FlowHash {
    private static final int SEED = 0x9E37_79B9;
    private static final int C1 = 0xCC9E_2D51;
    private static final int C2 = 0x1B87_3593;
    private static final int N = 0xE654_6B64;
    private static final int F1 = 0x85EB_CA6B;
    private static final int F2 = 0xC2B2_AE35;
    private static final int PORTS_LENGTH = 4;

    private FlowHash() {
    }

    /** The flow hash of the {@code len}-byte frame at {@code off}; never throws, whatever the bytes. */
    public static int of(byte[] b, int off, int len) {
        if (b == null || !Bytes.inBounds(b, off, len) || len < Ethernet.HEADER_LENGTH) {
            return 0;
        }
        long dst = Ethernet.dst(b, off);
        long src = Ethernet.src(b, off);
        int etherType = Ethernet.etherType(b, off);
        int h = mix(SEED, (int) dst);
        h = mix(h, (int) (dst >>> 32) << 16 | (int) (src >>> 32));
        h = mix(h, (int) src);
        h = mix(h, etherType);
        int ip = off + Ethernet.HEADER_LENGTH;
        int ipLen = len - Ethernet.HEADER_LENGTH;
        if (etherType != Ethernet.TYPE_IPV4 || ipLen < Ipv4.MIN_HEADER_LENGTH) {
            return finish(h);
        }
        int protocol = Ipv4.protocol(b, ip);
        h = mix(mix(mix(h, Ipv4.src(b, ip)), Ipv4.dst(b, ip)), protocol);
        int headerLen = Ipv4.headerLength(b, ip);
        boolean hasPorts = protocol == Ipv4.PROTOCOL_TCP || protocol == Ipv4.PROTOCOL_UDP;
        if (hasPorts && !Ipv4.isFragment(b, ip) && headerLen >= Ipv4.MIN_HEADER_LENGTH
                && headerLen + PORTS_LENGTH <= ipLen) {
            h = mix(h, Bytes.u32(b, ip + headerLen));
        }
        return finish(h);
    }

    private static int mix(int h, int word) {
        int k = Integer.rotateLeft(word * C1, 15) * C2;
        return Integer.rotateLeft(h ^ k, 13) * 5 + N;
    }

    private static int finish(int h) {
        h ^= h >>> 16;
        h *= F1;
        h ^= h >>> 13;
        h *= F2;
        return h ^ h >>> 16;
    }
}
