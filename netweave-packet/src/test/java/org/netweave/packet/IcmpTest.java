package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcmpTest {
    private static final String DATA = "abcdefghijklmnopqrstuvwabcdefghi";
    /** The echo request Windows' ping sends: id 1, seq 1, 32 bytes of the alphabet, checksum 4d5a. */
    static final String WINDOWS_PING = "08 | 00 | 4d 5a | 00 01 | 00 01 | "
            + Hex.of(DATA.getBytes(StandardCharsets.US_ASCII), 0, DATA.length());

    @Test
    void decodesAKnownEchoRequest() {
        byte[] b = Hex.bytes(WINDOWS_PING);
        assertThat(Icmp.isValid(b, 0, b.length)).isTrue();
        IcmpMessage m = IcmpMessage.decode(b, 0, b.length);
        assertThat(m).isEqualTo(IcmpMessage.echoRequest(1, 1, Octets.of(DATA.getBytes(StandardCharsets.US_ASCII))));
        assertThat(m.identifier()).isEqualTo(1);
        assertThat(m.sequence()).isEqualTo(1);
        assertThat(m.isError()).isFalse();
    }

    @Test
    void encodesTheKnownEchoRequestWithItsChecksum() {
        IcmpMessage m = IcmpMessage.echoRequest(1, 1, Octets.of(DATA.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[m.encodedLength()];
        assertThat(m.encode(out, 0)).isEqualTo(40);
        assertThat(out).isEqualTo(Hex.bytes(WINDOWS_PING));
    }

    @Test
    void echoRequestToReplyPatchesTheChecksum() {
        byte[] b = Hex.bytes(WINDOWS_PING);
        Icmp.echoRequestToReply(b, 0, b.length);
        // Type 8 -> 0 lowers the first word by 0x0800, so the checksum rises by it: 555a.
        assertThat(Hex.of(b, 0, 8)).isEqualTo("0000555a00010001");
        assertThat(Icmp.isValid(b, 0, b.length)).isTrue();
    }

    @Test
    void allZeroReplyGetsTheAllOnesChecksum() {
        // id 0, seq 0, no data: the reply is all zeros, whose checksum is ffff, not the 0000
        // that RFC 1624's equation alone would give.
        byte[] b = Hex.bytes("08 00 f7 ff 00 00 00 00");
        Icmp.echoRequestToReply(b, 0, b.length);
        assertThat(Hex.of(b, 0, 8)).isEqualTo("0000ffff00000000");
        assertThat(Icmp.isValid(b, 0, b.length)).isTrue();
    }

    @Test
    void errorMessagesCarryTheQuotedDatagram() {
        Octets original = Octets.fromHex("4500007300004000011100000a0000010a000002" + "c00012b5005f0000");
        IcmpMessage m = IcmpMessage.timeExceeded(Icmp.CODE_TTL_EXCEEDED_IN_TRANSIT, original);
        byte[] out = new byte[m.encodedLength()];
        m.encode(out, 0);
        assertThat(Hex.of(out, 0, 2)).isEqualTo("0b00");
        assertThat(Hex.of(out, 4, 4)).isEqualTo("00000000");
        assertThat(IcmpMessage.decode(out, 0, out.length)).isEqualTo(m);
        assertThat(m.isError()).isTrue();
        assertThat(IcmpMessage.destinationUnreachable(Icmp.CODE_HOST_UNREACHABLE, original).isError()).isTrue();
    }

    @Test
    void badChecksumOrTruncationIsMalformed() {
        byte[] b = Hex.bytes(WINDOWS_PING);
        assertThat(Icmp.isValid(b, 0, b.length - 1)).isFalse();
        assertThatThrownBy(() -> IcmpMessage.decode(b, 0, b.length - 1)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> IcmpMessage.decode(b, 0, 7)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("truncated");
    }
}
