package org.netweave.packet;

/**
 * Flyweight access to an ICMP message (RFC 792) in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  echo: Identifier             |  echo: Sequence Number        |
 * |  errors: unused (zero)                                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  echo: data ...                                               |
 * |  errors: original IP header + first 8 bytes of its payload   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The checksum covers the whole message, so every accessor that needs it takes the message
 * length (the IPv4 payload length). {@link IcmpMessage} is the record form; {@link IcmpFrames}
 * builds whole frames.
 */
public final class Icmp {
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE_ECHO_REPLY = 0;
    public static final int TYPE_DESTINATION_UNREACHABLE = 3;
    public static final int TYPE_SOURCE_QUENCH = 4;
    public static final int TYPE_REDIRECT = 5;
    public static final int TYPE_ECHO_REQUEST = 8;
    public static final int TYPE_TIME_EXCEEDED = 11;
    public static final int TYPE_PARAMETER_PROBLEM = 12;
    public static final int CODE_NET_UNREACHABLE = 0;
    public static final int CODE_HOST_UNREACHABLE = 1;
    public static final int CODE_TTL_EXCEEDED_IN_TRANSIT = 0;
    /** RFC 792: an error quotes the original IP header and this many bytes of what followed it. */
    public static final int QUOTED_PAYLOAD_LENGTH = 8;

    static final int CHECKSUM_OFFSET = 2;
    static final int REST_OFFSET = 4;

    private Icmp() {
    }

    public static int type(byte[] b, int off) {
        return Bytes.u8(b, off);
    }

    public static int code(byte[] b, int off) {
        return Bytes.u8(b, off + 1);
    }

    public static int checksum(byte[] b, int off) {
        return Bytes.u16(b, off + CHECKSUM_OFFSET);
    }

    /** The echo identifier: the high half of the rest-of-header word. */
    public static int identifier(byte[] b, int off) {
        return Bytes.u16(b, off + REST_OFFSET);
    }

    public static int sequence(byte[] b, int off) {
        return Bytes.u16(b, off + REST_OFFSET + 2);
    }

    /** Whether the type is an error message, which RFC 1122 §3.2.2 forbids answering with another error. */
    public static boolean isError(int type) {
        return type == TYPE_DESTINATION_UNREACHABLE || type == TYPE_SOURCE_QUENCH || type == TYPE_REDIRECT
                || type == TYPE_TIME_EXCEEDED || type == TYPE_PARAMETER_PROBLEM;
    }

    /** Whether {@code len} bytes at {@code off} hold a whole message with a correct checksum; never throws. */
    public static boolean isValid(byte[] b, int off, int len) {
        return b != null && Bytes.inBounds(b, off, len) && len >= HEADER_LENGTH && InternetChecksum.verifies(b, off, len);
    }

    /**
     * Writes the 8-byte header with a zero checksum; the body goes after it, then
     * {@link #updateChecksum} completes the message. Returns the offset of the body.
     */
    public static int writeHeader(byte[] b, int off, int type, int code, int rest) {
        Bytes.putU16(b, off, type << 8 | code);
        Bytes.putU16(b, off + CHECKSUM_OFFSET, 0);
        Bytes.putU32(b, off + REST_OFFSET, rest);
        return off + HEADER_LENGTH;
    }

    /** Computes and stores the checksum over the {@code len}-byte message. */
    public static void updateChecksum(byte[] b, int off, int len) {
        Bytes.putU16(b, off + CHECKSUM_OFFSET, 0);
        Bytes.putU16(b, off + CHECKSUM_OFFSET, InternetChecksum.of(b, off, len));
    }

    /**
     * Turns the {@code len}-byte echo request at {@code off} into its reply in place: only the
     * type changes, so the checksum is patched for that one word (RFC 1624) rather than summed
     * over the data. A patched result of 0 may stand for an all-zero reply, whose checksum is
     * {@code 0xFFFF}; that one time in 65536 the message is summed in full.
     */
    public static void echoRequestToReply(byte[] b, int off, int len) {
        int oldWord = Bytes.u16(b, off);
        int newWord = TYPE_ECHO_REPLY << 8 | code(b, off);
        Bytes.putU16(b, off, newWord);
        int c = InternetChecksum.update(checksum(b, off), oldWord, newWord);
        if (c == 0) {
            updateChecksum(b, off, len);
        } else {
            Bytes.putU16(b, off + CHECKSUM_OFFSET, c);
        }
    }
}
