package org.netweave.packet;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * An IPv4 header as a value, options included (layout on {@link Ipv4}).
 *
 * <p>The checksum is not a field: {@link #encode} computes it and {@link #decode} verifies it,
 * refusing a bad one as malformed, as a router must (RFC 1812 §5.2.2). {@code totalLength}
 * covers the payload that follows, which the record does not hold; the decoder checks that
 * the buffer is at least that long.
 *
 * @param flags the 3 flag bits: {@link Ipv4#FLAG_DF}, {@link Ipv4#FLAG_MF}, and the reserved bit 4
 * @param fragmentOffset in 8-byte units
 * @param options the raw option bytes, a multiple of 4 and at most 40 long
 */
public record Ipv4Header(int tos, int totalLength, int identification, int flags, int fragmentOffset, int ttl,
        int protocol, Ipv4Address src, Ipv4Address dst, Octets options) {
    private static final String NAME = "IPv4";
    private static final int MAX_OPTIONS_LENGTH = Ipv4.MAX_HEADER_LENGTH - Ipv4.MIN_HEADER_LENGTH;

    public Ipv4Header {
        Fields.requireU8("tos", tos);
        Fields.requireU16("identification", identification);
        Fields.requireRange("flags", flags, 0, 7);
        Fields.requireRange("fragmentOffset", fragmentOffset, 0, Ipv4.FRAGMENT_OFFSET_MASK);
        Fields.requireU8("ttl", ttl);
        Fields.requireU8("protocol", protocol);
        Fields.requireNonNull("src", src);
        Fields.requireNonNull("dst", dst);
        Fields.requireNonNull("options", options);
        if (options.length() > MAX_OPTIONS_LENGTH || options.length() % 4 != 0) {
            throw new InvalidValueException("options", options.length() + " bytes",
                    "must be a multiple of 4 up to " + MAX_OPTIONS_LENGTH);
        }
        Fields.requireRange("totalLength", totalLength, Ipv4.MIN_HEADER_LENGTH + options.length(), 0xFFFF);
    }

    /** An unfragmented header without options, DF set, for {@code payloadLength} bytes of payload. */
    public static Ipv4Header of(int protocol, Ipv4Address src, Ipv4Address dst, int ttl, int payloadLength) {
        return new Ipv4Header(0, Ipv4.MIN_HEADER_LENGTH + payloadLength, 0, Ipv4.FLAG_DF, 0, ttl, protocol, src, dst,
                Octets.EMPTY);
    }

    public static Ipv4Header decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Ipv4.MIN_HEADER_LENGTH);
        if (Ipv4.version(b, off) != Ipv4.VERSION) {
            throw new MalformedPacketException(NAME, "version " + Ipv4.version(b, off));
        }
        int headerLen = Ipv4.headerLength(b, off);
        int totalLen = Ipv4.totalLength(b, off);
        if (headerLen < Ipv4.MIN_HEADER_LENGTH || headerLen > totalLen) {
            throw new MalformedPacketException(NAME, "header length " + headerLen + " with total length " + totalLen);
        }
        if (totalLen > len) {
            throw new MalformedPacketException(NAME, "truncated: total length " + totalLen + ", " + len + " bytes");
        }
        if (!InternetChecksum.verifies(b, off, headerLen)) {
            throw new MalformedPacketException(NAME, "bad header checksum " + Integer.toHexString(Ipv4.checksum(b, off)));
        }
        return new Ipv4Header(Ipv4.tos(b, off), totalLen, Ipv4.identification(b, off), Ipv4.flags(b, off),
                Ipv4.fragmentOffset(b, off), Ipv4.ttl(b, off), Ipv4.protocol(b, off), Ipv4Address.of(Ipv4.src(b, off)),
                Ipv4Address.of(Ipv4.dst(b, off)),
                Octets.copyOf(b, off + Ipv4.MIN_HEADER_LENGTH, headerLen - Ipv4.MIN_HEADER_LENGTH));
    }

    /** Writes the header with its checksum; the payload is the caller's. */
    public int encode(byte[] b, int off) {
        int headerLen = encodedLength();
        Bytes.putU8(b, off, Ipv4.VERSION << 4 | headerLen >>> 2);
        Bytes.putU8(b, off + 1, tos);
        Bytes.putU16(b, off + Ipv4.TOTAL_LENGTH_OFFSET, totalLength);
        Bytes.putU16(b, off + Ipv4.ID_OFFSET, identification);
        Bytes.putU16(b, off + Ipv4.FRAGMENT_OFFSET, flags << 13 | fragmentOffset);
        Bytes.putU8(b, off + Ipv4.TTL_OFFSET, ttl);
        Bytes.putU8(b, off + Ipv4.PROTOCOL_OFFSET, protocol);
        Bytes.putU16(b, off + Ipv4.CHECKSUM_OFFSET, 0);
        Bytes.putU32(b, off + Ipv4.SRC_OFFSET, src.value());
        Bytes.putU32(b, off + Ipv4.DST_OFFSET, dst.value());
        options.copyTo(b, off + Ipv4.MIN_HEADER_LENGTH);
        Bytes.putU16(b, off + Ipv4.CHECKSUM_OFFSET, InternetChecksum.of(b, off, headerLen));
        return headerLen;
    }

    public int encodedLength() {
        return Ipv4.MIN_HEADER_LENGTH + options.length();
    }

    public int payloadLength() {
        return totalLength - encodedLength();
    }
}
