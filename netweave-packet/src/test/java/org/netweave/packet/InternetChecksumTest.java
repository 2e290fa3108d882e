package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    @Test
    void rfc1071NumericalExample() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2, checksum 220d.
        byte[] b = Hex.bytes("0001 f203 f4f5 f6f7");
        assertThat(InternetChecksum.fold(InternetChecksum.sum(b, 0, b.length))).isEqualTo(0xDDF2);
        assertThat(InternetChecksum.of(b, 0, b.length)).isEqualTo(0x220D);
    }

    @Test
    void oddLengthPadsTheLastByteWithZero() {
        byte[] odd = Hex.bytes("0001 f203 f4f5 f6f7 ab");
        byte[] padded = Hex.bytes("0001 f203 f4f5 f6f7 ab00");
        assertThat(InternetChecksum.of(odd, 0, odd.length)).isEqualTo(InternetChecksum.of(padded, 0, padded.length));
    }

    @Test
    void sumsOnlyTheRegionAskedFor() {
        byte[] b = Hex.bytes("ffff | 0001 f203 f4f5 f6f7 | ffff");
        assertThat(InternetChecksum.of(b, 2, 8)).isEqualTo(0x220D);
    }

    @Test
    void dataWithItsChecksumVerifies() {
        byte[] b = Hex.bytes("0001 f203 f4f5 f6f7 220d");
        assertThat(InternetChecksum.verifies(b, 0, b.length)).isTrue();
        b[0] ^= 1;
        assertThat(InternetChecksum.verifies(b, 0, b.length)).isFalse();
    }

    @Test
    void incrementalUpdateMatchesRecompute() {
        byte[] b = Hex.bytes("0001 f203 f4f5 f6f7");
        int before = InternetChecksum.of(b, 0, b.length);
        b[2] = 0x12;
        int after = InternetChecksum.update(before, 0xF203, 0x1203);
        assertThat(after).isEqualTo(InternetChecksum.of(b, 0, b.length));
    }
}
