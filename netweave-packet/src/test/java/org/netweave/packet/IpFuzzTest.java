package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the IPv4, ICMP and UDP decoders and validators, and for the router's ICMP
 * error path, which reads an offending frame that came from anywhere.
 */
class IpFuzzTest {
    private static final int MAX_ICMP_MESSAGE = 0xFFFF - Ipv4.MIN_HEADER_LENGTH;

    @FuzzTest
    void ipv4Header(byte[] data) {
        boolean decoded = RoundTrip.check(data, Ipv4Header::decode, Ipv4Header::encode, Ipv4Header::totalLength);
        assertThat(Ipv4.isHeaderValid(data, 0, data.length)).isEqualTo(decoded);
    }

    @FuzzTest
    void icmpMessage(byte[] data) {
        boolean decoded = RoundTrip.check(data, IcmpMessage::decode, IcmpMessage::encode, IcmpMessage::encodedLength);
        if (data.length <= MAX_ICMP_MESSAGE) {
            assertThat(Icmp.isValid(data, 0, data.length)).isEqualTo(decoded);
        }
    }

    @FuzzTest
    void udpHeader(byte[] data) {
        RoundTrip.check(data, UdpHeader::decode, UdpHeader::encode, UdpHeader::length);
        int udpLength = data.length >= Udp.HEADER_LENGTH ? Udp.length(data, 0) : data.length;
        Udp.isChecksumValid(data, 0, udpLength, 0x0A00_0001, 0x0A00_0002);
    }

    /** Whatever the offending frame, the error either is refused or builds a well-formed message. */
    @FuzzTest
    void icmpError(byte[] data) {
        if (!IcmpFrames.mayAnswerWithError(data, 0, data.length)) {
            return;
        }
        byte[] out = new byte[IcmpFrames.HEADERS_LENGTH + Ipv4.MAX_HEADER_LENGTH + Icmp.QUOTED_PAYLOAD_LENGTH];
        int len = IcmpFrames.timeExceeded(out, 0, 0x0200_0000_00FEL, 0x0A00_0001, data, 0, data.length);
        int ip = Ethernet.HEADER_LENGTH;
        assertThat(Ipv4.isHeaderValid(out, ip, len - ip)).isTrue();
        assertThat(Ipv4.totalLength(out, ip)).isEqualTo(len - ip);
        IcmpMessage error = IcmpMessage.decode(out, IcmpFrames.HEADERS_LENGTH - Icmp.HEADER_LENGTH,
                len - IcmpFrames.HEADERS_LENGTH + Icmp.HEADER_LENGTH);
        assertThat(error.type()).isEqualTo(Icmp.TYPE_TIME_EXCEEDED);
        assertThat(error.body().length()).isBetween(Ipv4.MIN_HEADER_LENGTH,
                Ipv4.MAX_HEADER_LENGTH + Icmp.QUOTED_PAYLOAD_LENGTH);
    }
}
