package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class UdpFramesTest {
    private static final FrameAddresses A_TO_B = new FrameAddresses(0x0200_0000_0001L, 0x0200_0000_0002L,
            Ipv4Address.parse("10.0.0.1").value(), Ipv4Address.parse("10.0.0.2").value());

    @Test
    void buildsTheKnownDatagramInIpv4InEthernet() {
        byte[] dns = Hex.bytes(UdpTest.DATAGRAM);
        byte[] out = new byte[80];
        int len = UdpFrames.write(out, 3, A_TO_B, 1234, 53, dns, 8, dns.length - 8);
        assertThat(len).isEqualTo(14 + 20 + 27);
        assertThat(Hex.of(out, 3 + 34, 27)).isEqualTo(Hex.of(dns, 0, 27));
        assertThat(Ipv4.isHeaderValid(out, 3 + 14, len - 14)).isTrue();
        assertThat(Ipv4.totalLength(out, 3 + 14)).isEqualTo(47);
        assertThat(Ethernet.etherType(out, 3)).isEqualTo(Ethernet.TYPE_IPV4);
    }

    @Test
    void headersForAPayloadAlreadyInPlace() {
        byte[] payload = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[UdpFrames.HEADERS_LENGTH + payload.length];
        System.arraycopy(payload, 0, out, UdpFrames.HEADERS_LENGTH, payload.length);
        int len = UdpFrames.writeHeaders(out, 0, A_TO_B, 5000, 6000, payload.length);
        assertThat(len).isEqualTo(out.length);
        assertThat(UdpHeader.decode(out, 34, len - 34)).extracting(UdpHeader::srcPort, UdpHeader::dstPort,
                UdpHeader::length).containsExactly(5000, 6000, 13);
        assertThat(Udp.checksumField(out, 34)).isNotZero();
        assertThat(Udp.isChecksumValid(out, 34, 13, A_TO_B.srcIp(), A_TO_B.dstIp())).isTrue();
    }
}
