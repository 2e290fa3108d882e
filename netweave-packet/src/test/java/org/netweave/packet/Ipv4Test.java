package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class Ipv4Test {
    /**
     * A UDP datagram's header from 192.168.0.1 to 192.168.0.199, total length 115, DF, TTL 64:
     * the worked example whose checksum b861 is widely checked by hand.
     */
    static final String HEADER = "45 | 00 | 00 73 | 00 00 | 40 00 | 40 | 11 | b8 61 | c0 a8 00 01 | c0 a8 00 c7";
    private static final int TOTAL = 0x73;

    @Test
    void flyweightReadsAKnownHeader() {
        byte[] b = packet();
        assertThat(Ipv4.version(b, 0)).isEqualTo(4);
        assertThat(Ipv4.headerLength(b, 0)).isEqualTo(20);
        assertThat(Ipv4.totalLength(b, 0)).isEqualTo(115);
        assertThat(Ipv4.flags(b, 0)).isEqualTo(Ipv4.FLAG_DF);
        assertThat(Ipv4.isFragment(b, 0)).isFalse();
        assertThat(Ipv4.ttl(b, 0)).isEqualTo(64);
        assertThat(Ipv4.protocol(b, 0)).isEqualTo(Ipv4.PROTOCOL_UDP);
        assertThat(Ipv4.checksum(b, 0)).isEqualTo(0xB861);
        assertThat(Ipv4.checksum(b, 0, 20)).isEqualTo(0xB861);
        assertThat(Ipv4.src(b, 0)).isEqualTo(Ipv4Address.parse("192.168.0.1").value());
        assertThat(Ipv4.dst(b, 0)).isEqualTo(Ipv4Address.parse("192.168.0.199").value());
        assertThat(Ipv4.isHeaderValid(b, 0, b.length)).isTrue();
    }

    @Test
    void recordEncodesTheKnownHeaderWithItsChecksum() {
        Ipv4Header h = Ipv4Header.of(Ipv4.PROTOCOL_UDP, Ipv4Address.parse("192.168.0.1"),
                Ipv4Address.parse("192.168.0.199"), 64, TOTAL - 20);
        byte[] out = new byte[20];
        assertThat(h.encode(out, 0)).isEqualTo(20);
        assertThat(out).isEqualTo(Hex.bytes(HEADER));
        assertThat(Ipv4Header.decode(packet(), 0, TOTAL)).isEqualTo(h);
    }

    @Test
    void flyweightWriteProducesTheSameHeader() {
        byte[] out = new byte[20];
        Ipv4.write(out, 0, Ipv4.PROTOCOL_UDP, Ipv4Address.parse("192.168.0.1").value(),
                Ipv4Address.parse("192.168.0.199").value(), TOTAL - 20, 64);
        assertThat(out).isEqualTo(Hex.bytes(HEADER));
    }

    @Test
    void decrementTtlPatchesTheChecksum() {
        byte[] b = packet();
        assertThat(Ipv4.decrementTtl(b, 0)).isEqualTo(63);
        // TTL 63 raises the checksum by 0x0100: b961.
        assertThat(Ipv4.checksum(b, 0)).isEqualTo(0xB961);
        assertThat(Ipv4.isHeaderValid(b, 0, b.length)).isTrue();
    }

    @Test
    void decodesOptions() {
        // IHL 6: one 4-byte option (router alert, RFC 2113), checksum recomputed for it.
        byte[] b = new byte[24];
        Ipv4Header h = new Ipv4Header(0, 24, 7, 0, 0, 1, 2, Ipv4Address.parse("10.0.0.1"),
                Ipv4Address.parse("224.0.0.22"), Octets.fromHex("94040000"));
        h.encode(b, 0);
        assertThat(b[0]).isEqualTo((byte) 0x46);
        assertThat(Ipv4.isHeaderValid(b, 0, 24)).isTrue();
        assertThat(Ipv4Header.decode(b, 0, 24)).isEqualTo(h);
    }

    @Test
    void refusesWhatARouterMustDrop() {
        assertMalformed(mutate(0, 0x65), "version 6");
        assertMalformed(mutate(0, 0x44), "header length 16");
        assertMalformed(mutate(3, 0x10), "header length 20 with total length 16");
        assertMalformed(mutate(11, 0x62), "bad header checksum");
        byte[] b = packet();
        assertThat(Ipv4.isHeaderValid(b, 0, TOTAL - 1)).isFalse();
        assertThatThrownBy(() -> Ipv4Header.decode(b, 0, TOTAL - 1)).hasMessageContaining("truncated");
        assertThat(Ipv4.isHeaderValid(b, 0, 19)).isFalse();
        assertThat(Ipv4.isHeaderValid(b, -1, 20)).isFalse();
        assertThat(Ipv4.isHeaderValid(null, 0, 20)).isFalse();
    }

    private static void assertMalformed(byte[] b, String reason) {
        assertThat(Ipv4.isHeaderValid(b, 0, b.length)).isFalse();
        assertThatThrownBy(() -> Ipv4Header.decode(b, 0, b.length)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] mutate(int index, int value) {
        byte[] b = packet();
        b[index] = (byte) value;
        return b;
    }

    /** The header followed by a zero payload up to its total length. */
    private static byte[] packet() {
        byte[] b = new byte[TOTAL];
        byte[] h = Hex.bytes(HEADER);
        System.arraycopy(h, 0, b, 0, h.length);
        return b;
    }
}
