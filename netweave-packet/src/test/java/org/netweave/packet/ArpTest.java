package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

class ArpTest {
    /** "Who has 192.168.1.2? Tell 192.168.1.1", from 00:0c:29:3e:5c:7a (RFC 826 field order). */
    static final String REQUEST = "00 01 | 08 00 | 06 | 04 | 00 01 | 00 0c 29 3e 5c 7a | c0 a8 01 01"
            + " | 00 00 00 00 00 00 | c0 a8 01 02";
    /** "192.168.1.2 is at 00:50:56:aa:bb:cc", back to the requester. */
    static final String REPLY = "00 01 | 08 00 | 06 | 04 | 00 02 | 00 50 56 aa bb cc | c0 a8 01 02"
            + " | 00 0c 29 3e 5c 7a | c0 a8 01 01";

    private static final MacAddress REQUESTER = MacAddress.parse("00:0c:29:3e:5c:7a");
    private static final MacAddress ANSWER = MacAddress.parse("00:50:56:aa:bb:cc");
    private static final Ipv4Address ASKER_IP = Ipv4Address.parse("192.168.1.1");
    private static final Ipv4Address ASKED_IP = Ipv4Address.parse("192.168.1.2");

    @Test
    void decodesAKnownRequest() {
        byte[] b = Hex.bytes(REQUEST);
        assertThat(Arp.isValid(b, 0, b.length)).isTrue();
        assertThat(ArpPacket.decode(b, 0, b.length)).isEqualTo(ArpPacket.request(REQUESTER, ASKER_IP, ASKED_IP));
    }

    @Test
    void encodesAKnownReply() {
        byte[] out = new byte[Arp.LENGTH];
        assertThat(ArpPacket.reply(ANSWER, ASKED_IP, REQUESTER, ASKER_IP).encode(out, 0)).isEqualTo(28);
        assertThat(out).isEqualTo(Hex.bytes(REPLY));
    }

    @Test
    void toReplySwapsTheRequestIntoTheReplyInPlace() {
        byte[] b = Hex.withHeadroom(5, Hex.bytes(REQUEST));
        Arp.toReply(b, 5, ANSWER.value());
        assertThat(Hex.of(b, 5, Arp.LENGTH)).isEqualTo(Hex.of(Hex.bytes(REPLY), 0, Arp.LENGTH));
    }

    @Test
    void refusesOtherHardwareOrProtocolTypesAndOperations() {
        byte[] rarp = Hex.bytes(REQUEST);
        rarp[7] = 3;
        assertThat(Arp.isValid(rarp, 0, rarp.length)).isFalse();
        assertThatThrownBy(() -> ArpPacket.decode(rarp, 0, rarp.length)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("operation 3");

        byte[] ipv6 = Hex.bytes(REQUEST);
        ipv6[2] = (byte) 0x86;
        ipv6[3] = (byte) 0xdd;
        assertThat(Arp.isValid(ipv6, 0, ipv6.length)).isFalse();
        assertThatThrownBy(() -> ArpPacket.decode(ipv6, 0, ipv6.length)).isInstanceOf(MalformedPacketException.class);

        byte[] b = Hex.bytes(REQUEST);
        assertThat(Arp.isValid(b, 0, 27)).isFalse();
        assertThatThrownBy(() -> ArpPacket.decode(b, 0, 27)).isInstanceOf(MalformedPacketException.class);
    }
}
