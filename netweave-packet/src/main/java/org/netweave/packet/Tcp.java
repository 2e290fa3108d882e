package org.netweave.packet;

/**
 * The TCP header (RFC 9293), only as far as Netweave writes it: a connection-opening segment for
 * traceflow probes. The forwarding path never looks past the IP header, so there is no decoder.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+-------------------------------+
 * |          Source Port          |       Destination Port        |
 * +-------------------------------+-------------------------------+
 * |                        Sequence Number                        |
 * +---------------------------------------------------------------+
 * |                    Acknowledgment Number                      |
 * +-------+-------+---------------+-------------------------------+
 * | DOff  | Rsrvd |     Flags     |            Window             |
 * +-------+-------+---------------+-------------------------------+
 * |           Checksum            |        Urgent Pointer         |
 * +-------------------------------+-------------------------------+
 * </pre>
 */
public final class Tcp {
    public static final int HEADER_LENGTH = 20;
    public static final int FLAG_SYN = 0x02;
    static final int CHECKSUM_OFFSET = 16;
    private static final int WINDOW = 64_240;

    private Tcp() {
    }

    public static int srcPort(byte[] b, int off) {
        return Bytes.u16(b, off);
    }

    public static int dstPort(byte[] b, int off) {
        return Bytes.u16(b, off + 2);
    }

    public static int flags(byte[] b, int off) {
        return b[off + 13] & 0xFF;
    }

    /** Writes a 20-byte header without options, checksum 0; returns the offset after it. */
    public static int write(byte[] b, int off, int srcPort, int dstPort, long sequence, int flags) {
        Bytes.putU32(b, off, srcPort << 16 | dstPort);
        Bytes.putU32(b, off + 4, (int) sequence);
        Bytes.putU32(b, off + 8, 0);
        Bytes.putU32(b, off + 12, (HEADER_LENGTH / 4) << 28 | (flags & 0xFF) << 16 | WINDOW);
        Bytes.putU32(b, off + 16, 0);
        return off + HEADER_LENGTH;
    }

    /** The checksum of the {@code segmentLength}-byte segment at {@code off} under the IPv4 pseudo-header. */
    public static int checksum(byte[] b, int off, int segmentLength, int srcIp, int dstIp) {
        long pseudo = (srcIp >>> 16) + (srcIp & 0xFFFF) + (dstIp >>> 16) + (dstIp & 0xFFFF) + Ipv4.PROTOCOL_TCP
                + segmentLength;
        return InternetChecksum.finish(pseudo + InternetChecksum.sum(b, off, segmentLength)
                - Bytes.u16(b, off + CHECKSUM_OFFSET));
    }

    public static void updateChecksum(byte[] b, int off, int segmentLength, int srcIp, int dstIp) {
        Bytes.putU16(b, off + CHECKSUM_OFFSET, checksum(b, off, segmentLength, srcIp, dstIp));
    }

    /** An Ethernet/IPv4/TCP SYN without payload; returns the frame length. */
    public static int synFrame(byte[] out, int off, FrameAddresses a, int ttl, int srcPort, int dstPort, long sequence) {
        int tcp = a.writeIpv4(out, off, Ipv4.PROTOCOL_TCP, ttl, HEADER_LENGTH);
        write(out, tcp, srcPort, dstPort, sequence, FLAG_SYN);
        updateChecksum(out, tcp, HEADER_LENGTH, a.srcIp(), a.dstIp());
        return tcp + HEADER_LENGTH - off;
    }
}
