package org.netweave.packet;

/**
 * Flyweight access to a UDP header (RFC 768) in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Over IPv4 the checksum is optional: 0 means "none", which is what VXLAN outer headers
 * carry (RFC 7348 §5, so a VTEP need not sum the whole inner frame). Inner UDP that an emulated
 * endpoint sends gets a real one from {@link #checksum(byte[], int, int, int, int)}, over the
 * IPv4 pseudo-header of RFC 768 and the whole datagram. {@link UdpHeader} is the record form.
 */
public final class Udp {
    public static final int HEADER_LENGTH = 8;
    /** The checksum field value that means "not computed". */
    public static final int NO_CHECKSUM = 0;

    static final int LENGTH_OFFSET = 4;
    static final int CHECKSUM_OFFSET = 6;
    private static final int ALL_ONES = 0xFFFF;

    private Udp() {
    }

    public static int srcPort(byte[] b, int off) {
        return Bytes.u16(b, off);
    }

    public static int dstPort(byte[] b, int off) {
        return Bytes.u16(b, off + 2);
    }

    /** The length field: header plus payload. */
    public static int length(byte[] b, int off) {
        return Bytes.u16(b, off + LENGTH_OFFSET);
    }

    public static int checksumField(byte[] b, int off) {
        return Bytes.u16(b, off + CHECKSUM_OFFSET);
    }

    /** Writes the header with checksum 0 and returns the offset of the payload. */
    public static int write(byte[] b, int off, int srcPort, int dstPort, int payloadLength) {
        Bytes.putU32(b, off, srcPort << 16 | dstPort);
        Bytes.putU32(b, off + LENGTH_OFFSET, (HEADER_LENGTH + payloadLength) << 16);
        return off + HEADER_LENGTH;
    }

    /** The one's complement sum of the IPv4 pseudo-header: addresses, protocol 17, UDP length. */
    public static long pseudoHeaderSum(int srcIp, int dstIp, int udpLength) {
        return (srcIp >>> 16) + (srcIp & 0xFFFF) + (dstIp >>> 16) + (dstIp & 0xFFFF) + Ipv4.PROTOCOL_UDP
                + udpLength;
    }

    /**
     * The checksum of the {@code udpLength}-byte datagram at {@code off} (its checksum field
     * taken as 0) under the IPv4 pseudo-header. A computed 0 is sent as {@code 0xFFFF}, because
     * 0 on the wire means "no checksum" (RFC 768).
     */
    public static int checksum(byte[] b, int off, int udpLength, int srcIp, int dstIp) {
        long sum = pseudoHeaderSum(srcIp, dstIp, udpLength) + InternetChecksum.sum(b, off, udpLength)
                - checksumField(b, off);
        int c = InternetChecksum.finish(sum);
        return c == 0 ? ALL_ONES : c;
    }

    /** Computes and stores the checksum, for datagrams an emulated endpoint sends. */
    public static void updateChecksum(byte[] b, int off, int udpLength, int srcIp, int dstIp) {
        Bytes.putU16(b, off + CHECKSUM_OFFSET, checksum(b, off, udpLength, srcIp, dstIp));
    }

    /** Whether the checksum is absent or verifies under the pseudo-header; never throws. */
    public static boolean isChecksumValid(byte[] b, int off, int udpLength, int srcIp, int dstIp) {
        if (b == null || !Bytes.inBounds(b, off, udpLength) || udpLength < HEADER_LENGTH) {
            return false;
        }
        return checksumField(b, off) == NO_CHECKSUM
                || InternetChecksum.fold(pseudoHeaderSum(srcIp, dstIp, udpLength)
                        + InternetChecksum.sum(b, off, udpLength)) == ALL_ONES;
    }
}
