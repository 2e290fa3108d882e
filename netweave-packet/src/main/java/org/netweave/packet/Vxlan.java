package org.netweave.packet;

/**
 * Flyweight access to a VXLAN header (RFC 7348 §5) in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|R|R|I|R|L|T|   Reserved (Netweave: trace id if T is set)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                VXLAN Network Identifier (VNI) |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>I ({@link #FLAG_I}) must be set for the VNI to be valid. T and L are Netweave-private
 * bits in what RFC 7348 reserves, sent only between Netweave VTEPs, never to an external VTEP
 * (Linux drops VXLAN packets with unknown flags):
 * <ul>
 * <li>T, {@link #FLAG_TRACE}: the packet is a traceflow probe, like the O (OAM) bit of
 *     VXLAN-GPE; the 24 reserved bits after the flags then carry the trace id.
 * <li>L, {@link #FLAG_REPLICATE_LOCALLY}: the copy went to a proxy VTEP (UTEP in unicast mode,
 *     MTEP in hybrid mode), which must replicate it again inside its own VTEP segment.
 * </ul>
 * Reserved bits are written as zero and ignored on receipt, as RFC 7348 says; the trace id is
 * read only when T is set. {@link VxlanHeader} is the record form, {@link VxlanEncapsulator}
 * writes all outer headers at once.
 */
public final class Vxlan {
    public static final int HEADER_LENGTH = 8;
    public static final int DEFAULT_UDP_PORT = 4789;
    /** The port NSX-V used before IANA assigned 4789 (and Linux's historical default). */
    public static final int NSX_V_LEGACY_UDP_PORT = 8472;
    public static final int FLAG_I = 0x08;
    public static final int FLAG_TRACE = 0x01;
    public static final int FLAG_REPLICATE_LOCALLY = 0x02;
    /**
     * Netweave-private: a proxy VTEP's re-replicated copy. Its outer source is the proxy, not the
     * VTEP the inner frame came from, so receivers must not learn the inner source MAC from it.
     */
    public static final int FLAG_REPLICATED = 0x04;
    /** The flags a header to a non-Netweave VTEP may carry. */
    public static final int STANDARD_FLAGS = FLAG_I;
    public static final int MAX_VNI = 0xFF_FFFF;
    public static final int MAX_TRACE_ID = 0xFF_FFFF;
    /** RFC 7348 §5: the outer UDP source port comes from the dynamic range 49152–65535. */
    public static final int SRC_PORT_MIN = 49152;

    private static final int SRC_PORT_MASK = 0x3FFF;

    private Vxlan() {
    }

    /** Whether {@code len} bytes at {@code off} hold a header with the I flag set; never throws. */
    public static boolean isValid(byte[] b, int off, int len) {
        return b != null && Bytes.inBounds(b, off, len) && len >= HEADER_LENGTH && (b[off] & FLAG_I) != 0;
    }

    public static int flags(byte[] b, int off) {
        return Bytes.u8(b, off);
    }

    public static int vni(byte[] b, int off) {
        return Bytes.u32(b, off + 4) >>> 8;
    }

    /** The trace id of a probe; 0 unless {@link #FLAG_TRACE} is set. */
    public static int traceId(byte[] b, int off) {
        int word = Bytes.u32(b, off);
        return (word & FLAG_TRACE << 24) != 0 ? word & MAX_TRACE_ID : 0;
    }

    /**
     * Writes the header and returns the offset of the inner frame. I is always set; the trace id
     * is written only when {@code flags} has {@link #FLAG_TRACE}, else the field stays zero.
     */
    public static int write(byte[] b, int off, int flags, int vni, int traceId) {
        int f = (flags | FLAG_I) & 0xFF;
        int trace = (f & FLAG_TRACE) != 0 ? traceId & MAX_TRACE_ID : 0;
        Bytes.putU32(b, off, f << 24 | trace);
        Bytes.putU32(b, off + 4, vni << 8);
        return off + HEADER_LENGTH;
    }

    /**
     * The outer UDP source port for an inner flow hash: RFC 7348 §5 asks for a hash of the inner
     * headers in 49152–65535 so that ECMP and RSS spread flows while keeping each one in order.
     * That range is exactly 2^14 ports, so the port is 0xC000 plus 14 bits of the hash, with
     * the high half folded in so a hash that differs only in its upper bits still spreads.
     */
    public static int sourcePort(int flowHash) {
        return SRC_PORT_MIN | ((flowHash ^ flowHash >>> 16) & SRC_PORT_MASK);
    }
}
