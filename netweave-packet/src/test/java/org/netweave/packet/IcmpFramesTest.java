package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class IcmpFramesTest {
    private static final long VM1_MAC = 0x0200_0000_0001L;
    private static final long VM2_MAC = 0x0200_0000_0002L;
    private static final long ROUTER_MAC = 0x0200_0000_00FEL;
    private static final int VM1 = Ipv4Address.parse("10.0.1.10").value();
    private static final int VM2 = Ipv4Address.parse("10.0.2.10").value();
    private static final int ROUTER = Ipv4Address.parse("10.0.1.1").value();
    private static final FrameAddresses VM1_TO_VM2 = new FrameAddresses(VM1_MAC, VM2_MAC, VM1, VM2);
    private static final byte[] DATA = "abcdefghijklmnopqrstuvwabcdefghi".getBytes(StandardCharsets.US_ASCII);

    /** The Windows ping in IPv4 (checksum 23ae) in Ethernet, 10.0.1.10 to 10.0.2.10. */
    static final String ECHO_FRAME = "02 00 00 00 00 02 | 02 00 00 00 00 01 | 08 00"
            + " | 45 00 00 3c | 00 00 40 00 | 40 01 23 ae | 0a 00 01 0a | 0a 00 02 0a | " + IcmpTest.WINDOWS_PING;

    @Test
    void buildsAKnownEchoRequestFrame() {
        byte[] out = new byte[100];
        int len = IcmpFrames.echoRequest(out, 0, VM1_TO_VM2, 1, 1, DATA, 0, DATA.length);
        assertThat(len).isEqualTo(74);
        assertThat(Hex.of(out, 0, len)).isEqualTo(Hex.of(Hex.bytes(ECHO_FRAME), 0, 74));
    }

    @Test
    void echoReplyInPlaceEqualsABuiltReply() {
        byte[] b = Hex.bytes(ECHO_FRAME);
        IcmpFrames.echoReplyInPlace(b, 0);
        byte[] expected = new byte[74];
        IcmpFrames.echoReply(expected, 0, VM1_TO_VM2.reversed(), 1, 1, DATA, 0, DATA.length);
        assertThat(Hex.of(b, 0, 74)).isEqualTo(Hex.of(expected, 0, 74));
    }

    @Test
    void timeExceededQuotesTheHeaderAndEightBytesBackToTheSender() {
        byte[] offending = Hex.bytes(ECHO_FRAME);
        offending[14 + 8] = 1;
        Ipv4.updateChecksum(offending, 14);
        assertThat(IcmpFrames.mayAnswerWithError(offending, 0, offending.length)).isTrue();

        byte[] out = new byte[128];
        int len = IcmpFrames.timeExceeded(out, 0, ROUTER_MAC, ROUTER, offending, 0, offending.length);

        assertThat(len).isEqualTo(14 + 20 + 8 + 28);
        assertThat(Ethernet.dst(out, 0)).isEqualTo(VM1_MAC);
        assertThat(Ethernet.src(out, 0)).isEqualTo(ROUTER_MAC);
        Ipv4Header ip = Ipv4Header.decode(out, 14, len - 14);
        assertThat(ip).isEqualTo(Ipv4Header.of(Ipv4.PROTOCOL_ICMP, Ipv4Address.of(ROUTER), Ipv4Address.of(VM1), 64,
                36));
        IcmpMessage icmp = IcmpMessage.decode(out, 34, len - 34);
        assertThat(icmp).isEqualTo(IcmpMessage.timeExceeded(0, Octets.copyOf(offending, 14, 28)));
    }

    @Test
    void destinationUnreachableCarriesTheCode() {
        byte[] offending = Hex.bytes(ECHO_FRAME);
        byte[] out = new byte[128];
        int len = IcmpFrames.destinationUnreachable(out, 0, Icmp.CODE_HOST_UNREACHABLE, ROUTER_MAC, ROUTER, offending, 0,
                offending.length);
        IcmpMessage icmp = IcmpMessage.decode(out, 34, len - 34);
        assertThat(icmp).isEqualTo(IcmpMessage.destinationUnreachable(1, Octets.copyOf(offending, 14, 28)));
    }

    @Test
    void quotesOnlyWhatTheOffendingPacketHas() {
        // An IPv4 packet of 24 bytes: the header and 4 bytes of payload, fewer than the 8 to quote.
        byte[] shortPacket = new byte[UdpFrames.HEADERS_LENGTH];
        UdpFrames.writeHeaders(shortPacket, 0, VM1_TO_VM2, 1000, 2000, 0);
        Bytes.putU16(shortPacket, 14 + 2, 24);
        Ipv4.updateChecksum(shortPacket, 14);
        byte[] out = new byte[128];
        int errorLen = IcmpFrames.destinationUnreachable(out, 0, Icmp.CODE_NET_UNREACHABLE, ROUTER_MAC, ROUTER,
                shortPacket, 0, 14 + 24);
        assertThat(errorLen).isEqualTo(42 + 24);
        assertThat(Hex.of(out, 42, 24)).isEqualTo(Hex.of(shortPacket, 14, 24));
        assertThat(Icmp.isValid(out, 34, errorLen - 34)).isTrue();
    }

    @Test
    void neverAnswersAnErrorWithAnError() {
        byte[] offending = Hex.bytes(ECHO_FRAME);
        byte[] error = new byte[128];
        int len = IcmpFrames.timeExceeded(error, 0, ROUTER_MAC, ROUTER, offending, 0, offending.length);
        assertThat(IcmpFrames.mayAnswerWithError(error, 0, len)).isFalse();
    }

    @Test
    void neverAnswersBroadcastsMulticastsOrLaterFragments() {
        byte[] broadcast = Hex.bytes(ECHO_FRAME);
        Ethernet.setDst(broadcast, 0, 0xFFFF_FFFF_FFFFL);
        assertThat(IcmpFrames.mayAnswerWithError(broadcast, 0, broadcast.length)).isFalse();

        byte[] multicast = Hex.bytes(ECHO_FRAME);
        Ipv4.setDst(multicast, 14, Ipv4Address.parse("224.0.0.5").value());
        Ipv4.updateChecksum(multicast, 14);
        assertThat(IcmpFrames.mayAnswerWithError(multicast, 0, multicast.length)).isFalse();

        byte[] fragment = Hex.bytes(ECHO_FRAME);
        fragment[14 + 7] = 1;
        Ipv4.updateChecksum(fragment, 14);
        assertThat(IcmpFrames.mayAnswerWithError(fragment, 0, fragment.length)).isFalse();

        byte[] corrupt = Hex.bytes(ECHO_FRAME);
        corrupt[14 + 8] = 1;
        assertThat(IcmpFrames.mayAnswerWithError(corrupt, 0, corrupt.length)).as("bad checksum").isFalse();
    }
}
