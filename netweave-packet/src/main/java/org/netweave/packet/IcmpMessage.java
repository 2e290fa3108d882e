package org.netweave.packet;

/**
 * An ICMP message as a value: type, code, the 32-bit rest-of-header word and the body (layout
 * on {@link Icmp}). The message is the whole IPv4 payload, so {@link #decode} takes all
 * {@code len} bytes as the body.
 *
 * <p>One record fits every type because the wire format is the same; the factories and
 * accessors give the RFC 792 meaning of the word and body for echo and the error messages.
 * The checksum is not a field: encode computes it over the whole message, decode refuses a
 * message whose checksum does not verify.
 *
 * @param rest the second header word: identifier and sequence for echo, zero (unused) for
 *     time exceeded and most unreachable codes
 * @param body echo data, or for an error the original IP header and 8 bytes of its payload
 */
public record IcmpMessage(int type, int code, int rest, Octets body) {
    private static final String NAME = "ICMP";
    private static final int MAX_BODY_LENGTH = 0xFFFF - Ipv4.MIN_HEADER_LENGTH - Icmp.HEADER_LENGTH;

    public IcmpMessage {
        Fields.requireU8("type", type);
        Fields.requireU8("code", code);
        Fields.requireNonNull("body", body);
        Fields.requireRange("body length", body.length(), 0, MAX_BODY_LENGTH);
    }

    public static IcmpMessage echoRequest(int identifier, int sequence, Octets data) {
        return new IcmpMessage(Icmp.TYPE_ECHO_REQUEST, 0, echoWord(identifier, sequence), data);
    }

    public static IcmpMessage echoReply(int identifier, int sequence, Octets data) {
        return new IcmpMessage(Icmp.TYPE_ECHO_REPLY, 0, echoWord(identifier, sequence), data);
    }

    public static IcmpMessage destinationUnreachable(int code, Octets original) {
        return new IcmpMessage(Icmp.TYPE_DESTINATION_UNREACHABLE, code, 0, original);
    }

    public static IcmpMessage timeExceeded(int code, Octets original) {
        return new IcmpMessage(Icmp.TYPE_TIME_EXCEEDED, code, 0, original);
    }

    public static IcmpMessage decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Icmp.HEADER_LENGTH);
        if (len - Icmp.HEADER_LENGTH > MAX_BODY_LENGTH) {
            throw new MalformedPacketException(NAME, len + " bytes do not fit in an IPv4 datagram");
        }
        if (!InternetChecksum.verifies(b, off, len)) {
            throw new MalformedPacketException(NAME, "bad checksum " + Integer.toHexString(Icmp.checksum(b, off)));
        }
        return new IcmpMessage(Icmp.type(b, off), Icmp.code(b, off), Bytes.u32(b, off + Icmp.REST_OFFSET),
                Octets.copyOf(b, off + Icmp.HEADER_LENGTH, len - Icmp.HEADER_LENGTH));
    }

    public int encode(byte[] b, int off) {
        int bodyOff = Icmp.writeHeader(b, off, type, code, rest);
        body.copyTo(b, bodyOff);
        int len = encodedLength();
        Icmp.updateChecksum(b, off, len);
        return len;
    }

    public int encodedLength() {
        return Icmp.HEADER_LENGTH + body.length();
    }

    public int identifier() {
        return rest >>> 16;
    }

    public int sequence() {
        return rest & 0xFFFF;
    }

    public boolean isError() {
        return Icmp.isError(type);
    }

    private static int echoWord(int identifier, int sequence) {
        return Fields.requireU16("identifier", identifier) << 16 | Fields.requireU16("sequence", sequence);
    }
}
