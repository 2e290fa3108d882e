package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class UdpTest {
    /**
     * A DNS query for "a." (27 bytes) from 10.0.0.1:1234 to 10.0.0.2:53. Checksum by hand:
     * pseudo-header 0a00+0001+0a00+0002+0011+001b = 142f, header 04d2+0035+001b = 0522, payload
     * 1234+0100+0001+0161+0100+0100 (the odd last byte padded) = 1696; the sum 2fe7,
     * complemented d018.
     */
    static final String DATAGRAM = "04 d2 | 00 35 | 00 1b | d0 18 | 12 34 01 00 00 01 00 00 00 00 00 00"
            + " 01 61 00 00 01 00 01";
    private static final int SRC = Ipv4Address.parse("10.0.0.1").value();
    private static final int DST = Ipv4Address.parse("10.0.0.2").value();

    @Test
    void checksumMatchesTheHandComputedOne() {
        byte[] b = Hex.bytes(DATAGRAM);
        assertThat(Udp.checksum(b, 0, b.length, SRC, DST)).isEqualTo(0xD018);
        assertThat(Udp.isChecksumValid(b, 0, b.length, SRC, DST)).isTrue();
        assertThat(Udp.isChecksumValid(b, 0, b.length, SRC, DST + 1)).isFalse();
    }

    @Test
    void zeroChecksumMeansNoneAndIsAccepted() {
        byte[] b = Hex.bytes(DATAGRAM);
        b[6] = 0;
        b[7] = 0;
        assertThat(Udp.isChecksumValid(b, 0, b.length, SRC, DST)).isTrue();
    }

    @Test
    void recordRoundTripsTheHeader() {
        byte[] b = Hex.bytes(DATAGRAM);
        UdpHeader h = UdpHeader.decode(b, 0, b.length);
        assertThat(h).isEqualTo(new UdpHeader(1234, 53, 27, 0xD018));
        assertThat(h.payloadLength()).isEqualTo(19);
        byte[] out = new byte[8];
        h.encode(out, 0);
        assertThat(Hex.of(out, 0, 8)).isEqualTo(Hex.of(b, 0, 8));
    }

    @Test
    void lengthFieldMustCoverTheHeaderAndFitTheBuffer() {
        byte[] b = Hex.bytes(DATAGRAM);
        assertThatThrownBy(() -> UdpHeader.decode(b, 0, 26)).isInstanceOf(MalformedPacketException.class);
        b[5] = 7;
        assertThatThrownBy(() -> UdpHeader.decode(b, 0, b.length)).isInstanceOf(MalformedPacketException.class);
    }
}
