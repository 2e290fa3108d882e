package org.netweave.packet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable run of bytes with value equality: IPv4 options, an ICMP body, a payload.
 *
 * <p>The header records hold variable-length parts in this type rather than in a
 * {@code byte[]}, whose identity equality would break {@code decode(encode(x)).equals(x)} and
 * whose contents a caller could change behind the record's back.
 */
public final class Octets {
    public static final Octets EMPTY = new Octets(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code len} bytes at {@code off}, which must lie inside {@code b}. */
    public static Octets copyOf(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? EMPTY : new Octets(Arrays.copyOfRange(b, off, off + len));
    }

    /** Takes ownership of {@code b} without copying; for readers that just allocated it. */
    static Octets wrap(byte[] b) {
        return b.length == 0 ? EMPTY : new Octets(b);
    }

    public static Octets of(byte... b) {
        return copyOf(b, 0, b.length);
    }

    /** Parses hex digits, for test vectors. */
    public static Octets fromHex(String hex) {
        return of(HEX.parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    /** Copies the bytes into {@code b} at {@code off} and returns the number copied. */
    public int copyTo(byte[] b, int off) {
        System.arraycopy(bytes, 0, b, off, bytes.length);
        return bytes.length;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HEX.formatHex(bytes);
    }
}
