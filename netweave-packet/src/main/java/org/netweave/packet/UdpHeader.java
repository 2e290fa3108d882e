package org.netweave.packet;

/**
 * A UDP header as a value (layout on {@link Udp}).
 *
 * <p>Unlike the IPv4 and ICMP records, the checksum is a field: verifying it needs the IPv4
 * pseudo-header, which this header does not know, and 0 (none) is a legal value that VXLAN
 * uses. Callers that know the addresses check it with {@link Udp#isChecksumValid}. The decoder
 * checks that the length field covers at least the header and fits in the buffer.
 */
public record UdpHeader(int srcPort, int dstPort, int length, int checksum) {
    private static final String NAME = "UDP";

    public UdpHeader {
        Fields.requireU16("srcPort", srcPort);
        Fields.requireU16("dstPort", dstPort);
        Fields.requireRange("length", length, Udp.HEADER_LENGTH, 0xFFFF);
        Fields.requireU16("checksum", checksum);
    }

    /** A header for {@code payloadLength} bytes of payload without a checksum. */
    public static UdpHeader of(int srcPort, int dstPort, int payloadLength) {
        return new UdpHeader(srcPort, dstPort, Udp.HEADER_LENGTH + payloadLength, Udp.NO_CHECKSUM);
    }

    public static UdpHeader decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Udp.HEADER_LENGTH);
        int length = Udp.length(b, off);
        if (length < Udp.HEADER_LENGTH || length > len) {
            throw new MalformedPacketException(NAME, "length field " + length + " with " + len + " bytes");
        }
        return new UdpHeader(Udp.srcPort(b, off), Udp.dstPort(b, off), length, Udp.checksumField(b, off));
    }

    public int encode(byte[] b, int off) {
        Bytes.putU32(b, off, srcPort << 16 | dstPort);
        Bytes.putU32(b, off + Udp.LENGTH_OFFSET, length << 16 | checksum);
        return Udp.HEADER_LENGTH;
    }

    public int encodedLength() {
        return Udp.HEADER_LENGTH;
    }

    public int payloadLength() {
        return length - Udp.HEADER_LENGTH;
    }
}
