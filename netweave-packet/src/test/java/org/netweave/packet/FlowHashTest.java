package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowHashTest {
    private static final FrameAddresses A_TO_B = new FrameAddresses(0x0200_0000_0001L, 0x0200_0000_0002L, 0x0A00_010A,
            0x0A00_020A);

    @Test
    void framesOfOneFlowHashAlikeWhateverTheirPayload() {
        byte[] first = new byte[100];
        byte[] second = new byte[100];
        int len1 = UdpFrames.write(first, 0, A_TO_B, 40000, 53, new byte[] {1, 2, 3}, 0, 3);
        int len2 = UdpFrames.write(second, 0, A_TO_B, 40000, 53, new byte[] {9, 9, 9, 9, 9}, 0, 5);
        assertThat(FlowHash.of(first, 0, len1)).isEqualTo(FlowHash.of(second, 0, len2));
    }

    @Test
    void aRoutersRewriteLeavesAnIpv4FlowsHashAlone() {
        byte[] b = new byte[100];
        int len = UdpFrames.write(b, 0, A_TO_B, 40000, 53, new byte[] {1, 2, 3}, 0, 3);
        int before = FlowHash.of(b, 0, len);
        Ethernet.setSrc(b, 0, 0x0250_5600_0101L);
        Ethernet.setDst(b, 0, 0x0050_5600_0299L);
        Ipv4.decrementTtl(b, Ethernet.HEADER_LENGTH);
        assertThat(FlowHash.of(b, 0, len)).isEqualTo(before)
                .isEqualTo(FlowHash.ofIpv4(Bytes.u64(b, 14 + Ipv4.SRC_OFFSET), Ipv4.PROTOCOL_UDP,
                        FlowHash.ports(b, 14, len - 14, Ipv4.PROTOCOL_UDP)));
    }

    @Test
    void portsSpreadFlowsOverTheSourcePortRange() {
        byte[] b = new byte[64];
        Set<Integer> ports = new HashSet<>();
        for (int srcPort = 40000; srcPort < 41000; srcPort++) {
            int len = UdpFrames.writeHeaders(b, 0, A_TO_B, srcPort, 53, 0);
            ports.add(Vxlan.sourcePort(FlowHash.of(b, 0, len)));
        }
        // 1000 flows into 16384 ports: a uniform hash leaves only a few dozen collisions.
        assertThat(ports).hasSizeGreaterThan(950);
    }

    @Test
    void fragmentsLeaveThePortsOut() {
        byte[] b = new byte[64];
        int len = UdpFrames.writeHeaders(b, 0, A_TO_B, 40000, 53, 0);
        Bytes.putU16(b, 14 + 6, Ipv4.FLAG_MF << 13);
        int firstFragment = FlowHash.of(b, 0, len);
        Bytes.putU16(b, UdpFrames.HEADERS_LENGTH - Udp.HEADER_LENGTH, 12345);
        assertThat(FlowHash.of(b, 0, len)).isEqualTo(firstFragment);
        Bytes.putU16(b, 14 + 6, 0);
        assertThat(FlowHash.of(b, 0, len)).isNotEqualTo(firstFragment);
    }

    @Test
    void shortOrNonIpFramesStillHash() {
        assertThat(FlowHash.of(new byte[13], 0, 13)).isZero();
        assertThat(FlowHash.of(null, 0, 0)).isZero();
        byte[] arp = Hex.bytes(ArpFramesTest.REQUEST_FRAME);
        assertThat(FlowHash.of(arp, 0, arp.length)).isEqualTo(FlowHash.of(arp, 0, 14));
    }
}
