package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netweave.model.MacAddress;

class EthernetTest {
    /** The Ethernet header of an ARP request broadcast by 00:0c:29:3e:5c:7a. */
    private static final String ARP_BROADCAST = "ff ff ff ff ff ff | 00 0c 29 3e 5c 7a | 08 06";

    @Test
    void flyweightReadsAndWritesTheFieldsInPlace() {
        byte[] b = Hex.withHeadroom(3, Hex.bytes(ARP_BROADCAST));
        assertThat(Ethernet.dst(b, 3)).isEqualTo(MacAddress.MASK);
        assertThat(Ethernet.src(b, 3)).isEqualTo(0x000C_293E_5C7AL);
        assertThat(Ethernet.etherType(b, 3)).isEqualTo(Ethernet.TYPE_ARP);
        assertThat(Ethernet.isMulticastDst(b, 3)).isTrue();

        Ethernet.setDst(b, 3, 0x0200_0000_0001L);
        Ethernet.setSrc(b, 3, 0x0200_0000_0002L);
        Ethernet.setEtherType(b, 3, Ethernet.TYPE_IPV4);
        assertThat(Hex.of(b, 0, b.length)).isEqualTo("000000" + "020000000001" + "020000000002" + "0800");
        assertThat(Ethernet.isMulticastDst(b, 3)).isFalse();
    }

    @Test
    void recordDecodesAndEncodesTheSameBytes() {
        byte[] wire = Hex.bytes(ARP_BROADCAST);
        EthernetHeader h = EthernetHeader.decode(wire, 0, wire.length);
        assertThat(h).isEqualTo(new EthernetHeader(MacAddress.BROADCAST, MacAddress.parse("00:0c:29:3e:5c:7a"),
                Ethernet.TYPE_ARP));
        byte[] out = new byte[h.encodedLength()];
        assertThat(h.encode(out, 0)).isEqualTo(14);
        assertThat(out).isEqualTo(wire);
    }

    @Test
    void truncatedOrOutsideTheBufferIsMalformed() {
        byte[] wire = Hex.bytes(ARP_BROADCAST);
        assertThatThrownBy(() -> EthernetHeader.decode(wire, 0, 13)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> EthernetHeader.decode(wire, 1, 14)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> EthernetHeader.decode(null, 0, 0)).isInstanceOf(MalformedPacketException.class);
    }
}
