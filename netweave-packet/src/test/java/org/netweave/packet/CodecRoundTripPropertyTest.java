package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * decode(encode(x)) == x for every header record, at an offset inside a larger buffer so that
 * an encoder writing outside its region or a decoder reading from offset 0 would show.
 */
class CodecRoundTripPropertyTest {
    private static final int OFFSET = 5;

    @Test
    void ethernet() {
        qt().forAll(Generators.ethernetHeaders()).checkAssert(h -> {
            byte[] b = buffer(h.encodedLength());
            assertThat(h.encode(b, OFFSET)).isEqualTo(h.encodedLength());
            assertGuardsIntact(b, h.encodedLength());
            assertThat(EthernetHeader.decode(b, OFFSET, h.encodedLength())).isEqualTo(h);
        });
    }

    @Test
    void vlanTag() {
        qt().forAll(Generators.vlanTags()).checkAssert(t -> {
            byte[] b = buffer(t.encodedLength());
            assertThat(t.encode(b, OFFSET)).isEqualTo(t.encodedLength());
            assertGuardsIntact(b, t.encodedLength());
            assertThat(VlanTag.decode(b, OFFSET, t.encodedLength())).isEqualTo(t);
        });
    }

    @Test
    void arp() {
        qt().forAll(Generators.arpPackets()).checkAssert(p -> {
            byte[] b = buffer(p.encodedLength());
            assertThat(p.encode(b, OFFSET)).isEqualTo(p.encodedLength());
            assertGuardsIntact(b, p.encodedLength());
            assertThat(ArpPacket.decode(b, OFFSET, p.encodedLength())).isEqualTo(p);
            assertThat(Arp.isValid(b, OFFSET, p.encodedLength())).isTrue();
        });
    }

    @Test
    void ipv4() {
        qt().forAll(Generators.ipv4Headers()).checkAssert(h -> {
            byte[] b = buffer(h.totalLength());
            assertThat(h.encode(b, OFFSET)).isEqualTo(h.encodedLength());
            assertGuardsIntact(b, h.encodedLength());
            assertThat(Ipv4Header.decode(b, OFFSET, h.totalLength())).isEqualTo(h);
            assertThat(Ipv4.isHeaderValid(b, OFFSET, h.totalLength())).isTrue();
        });
    }

    @Test
    void icmp() {
        qt().forAll(Generators.icmpMessages()).checkAssert(m -> {
            byte[] b = buffer(m.encodedLength());
            assertThat(m.encode(b, OFFSET)).isEqualTo(m.encodedLength());
            assertGuardsIntact(b, m.encodedLength());
            assertThat(IcmpMessage.decode(b, OFFSET, m.encodedLength())).isEqualTo(m);
            assertThat(Icmp.isValid(b, OFFSET, m.encodedLength())).isTrue();
        });
    }

    @Test
    void udp() {
        qt().forAll(Generators.udpHeaders()).checkAssert(h -> {
            byte[] b = buffer(h.length());
            assertThat(h.encode(b, OFFSET)).isEqualTo(h.encodedLength());
            assertGuardsIntact(b, h.encodedLength());
            assertThat(UdpHeader.decode(b, OFFSET, h.length())).isEqualTo(h);
        });
    }

    @Test
    void vxlan() {
        qt().forAll(Generators.vxlanHeaders()).checkAssert(h -> {
            byte[] b = buffer(h.encodedLength());
            assertThat(h.encode(b, OFFSET)).isEqualTo(h.encodedLength());
            assertGuardsIntact(b, h.encodedLength());
            assertThat(VxlanHeader.decode(b, OFFSET, h.encodedLength())).isEqualTo(h);
            assertThat(Vxlan.isValid(b, OFFSET, h.encodedLength())).isTrue();
        });
    }

    private static final byte GUARD = (byte) 0xA5;
    private static final int TAIL = 3;

    /** A buffer with guard bytes before and after the region, which no encoder may touch. */
    private static byte[] buffer(int length) {
        byte[] b = new byte[OFFSET + length + TAIL];
        Arrays.fill(b, GUARD);
        return b;
    }

    private static void assertGuardsIntact(byte[] b, int written) {
        for (int i = 0; i < OFFSET; i++) {
            assertThat(b[i]).as("byte %d before the region", i).isEqualTo(GUARD);
        }
        for (int i = OFFSET + written; i < b.length; i++) {
            assertThat(b[i]).as("byte %d after the header", i).isEqualTo(GUARD);
        }
    }
}
