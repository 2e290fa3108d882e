package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToIntFunction;

/**
 * The fuzz targets' shared oracle: decoding arbitrary bytes either throws
 * {@link MalformedPacketException} or yields a record that encodes and decodes back to itself.
 * Any other exception escapes and Jazzer reports it as a finding.
 */
final class RoundTrip {
    /** A record decoder, {@code XxxHeader::decode}. */
    interface Decoder<T> {
        T decode(byte[] b, int off, int len);
    }

    /** A record encoder, {@code XxxHeader::encode}. */
    interface Encoder<T> {
        int encode(T value, byte[] b, int off);
    }

    private RoundTrip() {
    }

    /**
     * Decodes {@code data}; if it decodes, encodes the record into a buffer of
     * {@code bufferLength(record)} bytes and checks that it decodes to an equal record.
     * Returns whether {@code data} decoded.
     */
    static <T> boolean check(byte[] data, Decoder<T> decoder, Encoder<T> encoder, ToIntFunction<T> bufferLength) {
        T decoded;
        try {
            decoded = decoder.decode(data, 0, data.length);
        } catch (MalformedPacketException expected) {
            return false;
        }
        byte[] out = new byte[bufferLength.applyAsInt(decoded)];
        encoder.encode(decoded, out, 0);
        assertThat(decoder.decode(out, 0, out.length)).isEqualTo(decoded);
        return true;
    }
}
