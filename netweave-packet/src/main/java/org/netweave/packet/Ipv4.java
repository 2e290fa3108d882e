package org.netweave.packet;

/**
 * Flyweight access to an IPv4 header (RFC 791) in place, for the forwarding path.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Addresses are {@code int}s as {@code Ipv4Address#value()} holds them. The accessors do no
 * checks; a packet from outside passes {@link #isHeaderValid} once, which answers with a boolean
 * and never throws. {@link Ipv4Header} is the record form.
 */
public final class Ipv4 {
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int VERSION = 4;
    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;
    /** The flags field values, as {@link #flags} returns them (bit 0 of the 3 is reserved). */
    public static final int FLAG_DF = 0b010;
    public static final int FLAG_MF = 0b001;
    public static final int DEFAULT_TTL = 64;

    static final int TOTAL_LENGTH_OFFSET = 2;
    static final int ID_OFFSET = 4;
    static final int FRAGMENT_OFFSET = 6;
    static final int TTL_OFFSET = 8;
    static final int PROTOCOL_OFFSET = 9;
    static final int CHECKSUM_OFFSET = 10;
    public static final int SRC_OFFSET = 12;
    static final int DST_OFFSET = 16;
    static final int FRAGMENT_OFFSET_MASK = 0x1FFF;
    private static final int TTL_DECREMENT_WORD = 0x0100;

    private Ipv4() {
    }

    public static int version(byte[] b, int off) {
        return (b[off] & 0xFF) >>> 4;
    }

    /** The header length in bytes (IHL × 4), options included. */
    public static int headerLength(byte[] b, int off) {
        return (b[off] & 0x0F) << 2;
    }

    public static int tos(byte[] b, int off) {
        return Bytes.u8(b, off + 1);
    }

    public static int totalLength(byte[] b, int off) {
        return Bytes.u16(b, off + TOTAL_LENGTH_OFFSET);
    }

    public static int identification(byte[] b, int off) {
        return Bytes.u16(b, off + ID_OFFSET);
    }

    public static int flags(byte[] b, int off) {
        return Bytes.u8(b, off + FRAGMENT_OFFSET) >>> 5;
    }

    /** The fragment offset in 8-byte units. */
    public static int fragmentOffset(byte[] b, int off) {
        return Bytes.u16(b, off + FRAGMENT_OFFSET) & FRAGMENT_OFFSET_MASK;
    }

    /** Whether this is a fragment at all: MF set or a non-zero offset. */
    public static boolean isFragment(byte[] b, int off) {
        return (Bytes.u16(b, off + FRAGMENT_OFFSET) & (FRAGMENT_OFFSET_MASK | FLAG_MF << 13)) != 0;
    }

    public static int ttl(byte[] b, int off) {
        return Bytes.u8(b, off + TTL_OFFSET);
    }

    public static int protocol(byte[] b, int off) {
        return Bytes.u8(b, off + PROTOCOL_OFFSET);
    }

    public static int checksum(byte[] b, int off) {
        return Bytes.u16(b, off + CHECKSUM_OFFSET);
    }

    public static int src(byte[] b, int off) {
        return Bytes.u32(b, off + SRC_OFFSET);
    }

    public static int dst(byte[] b, int off) {
        return Bytes.u32(b, off + DST_OFFSET);
    }

    public static void setSrc(byte[] b, int off, int ip) {
        Bytes.putU32(b, off + SRC_OFFSET, ip);
    }

    public static void setDst(byte[] b, int off, int ip) {
        Bytes.putU32(b, off + DST_OFFSET, ip);
    }

    public static void setTtl(byte[] b, int off, int ttl) {
        Bytes.putU8(b, off + TTL_OFFSET, ttl);
    }

    /** The checksum of the {@code headerLen}-byte header, computed as if its checksum field were 0. */
    public static int checksum(byte[] b, int off, int headerLen) {
        long sum = InternetChecksum.sum(b, off, headerLen) - checksum(b, off);
        return InternetChecksum.finish(sum);
    }

    /** Recomputes and stores the header checksum, after fields changed in ways too many to patch. */
    public static void updateChecksum(byte[] b, int off) {
        Bytes.putU16(b, off + CHECKSUM_OFFSET, checksum(b, off, headerLength(b, off)));
    }

    /**
     * Whether {@code len} bytes at {@code off} start with a header a router may forward: version
     * 4, IHL at least 5, header and total length within {@code len}, checksum correct. Never
     * throws, whatever the arguments.
     */
    public static boolean isHeaderValid(byte[] b, int off, int len) {
        if (b == null || !Bytes.inBounds(b, off, len) || len < MIN_HEADER_LENGTH || version(b, off) != VERSION) {
            return false;
        }
        int headerLen = headerLength(b, off);
        int totalLen = totalLength(b, off);
        return headerLen >= MIN_HEADER_LENGTH && headerLen <= totalLen && totalLen <= len
                && InternetChecksum.verifies(b, off, headerLen);
    }

    /**
     * Decrements the TTL and patches the checksum incrementally (RFC 1624, as Linux's
     * {@code ip_decrease_ttl}): the TTL is the high byte of a 16-bit word, so the word drops by
     * {@code 0x0100} and the checksum rises by the same in one's complement arithmetic; the
     * {@code (c + 1) >>> 16} term is the end-around carry and maps the sum {@code 0xFFFF} to
     * {@code 0x0000}, the form a full recompute gives. The caller has checked that the TTL is
     * above 1 (else it sends time exceeded). TTL, protocol and checksum are one 32-bit word, so
     * this is one load and one store. Returns the new TTL.
     */
    public static int decrementTtl(byte[] b, int off) {
        int word = Bytes.u32(b, off + TTL_OFFSET);
        int c = (word & 0xFFFF) + TTL_DECREMENT_WORD;
        c = (c + ((c + 1) >>> 16)) & 0xFFFF;
        int ttlProtocol = (word - (TTL_DECREMENT_WORD << 16)) & 0xFFFF_0000;
        Bytes.putU32(b, off + TTL_OFFSET, ttlProtocol | c);
        return ttlProtocol >>> 24;
    }

    /**
     * Writes a 20-byte header without options, with DF set, identification 0 (allowed for
     * atomic datagrams by RFC 6864) and its checksum, and returns the offset of the payload.
     */
    public static int write(byte[] b, int off, int protocol, int src, int dst, int payloadLength, int ttl) {
        Bytes.putU32(b, off, 0x4500_0000 | (MIN_HEADER_LENGTH + payloadLength));
        Bytes.putU32(b, off + ID_OFFSET, FLAG_DF << 13);
        Bytes.putU32(b, off + TTL_OFFSET, ttl << 24 | protocol << 16);
        Bytes.putU32(b, off + SRC_OFFSET, src);
        Bytes.putU32(b, off + DST_OFFSET, dst);
        Bytes.putU16(b, off + CHECKSUM_OFFSET, InternetChecksum.of(b, off, MIN_HEADER_LENGTH));
        return off + MIN_HEADER_LENGTH;
    }
}
