package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

class VxlanEncapsulatorTest {
    private static final MacAddress VTEP_MAC = MacAddress.parse("02:00:00:00:00:0a");
    private static final long NEXT_HOP_MAC = 0x0200_0000_000BL;
    private static final Ipv4Address VTEP_A = Ipv4Address.parse("192.168.100.1");
    private static final int VTEP_B = Ipv4Address.parse("192.168.100.2").value();
    private static final int INNER_LENGTH = 98;
    private static final int FLOW_HASH = 0x1234_5678;

    /**
     * 98 inner bytes: IPv4 total length 98 + 36 = 0x86, UDP length 98 + 16 = 0x72, source port
     * 0xc000 | ((0x5678 ^ 0x1234) & 0x3fff) = 0xc44c, IPv4 checksum f112 (4500+0086+4000+4011+
     * c0a8+6401+c0a8+6402 = 30eea, folded 0eed, complemented).
     */
    static final String OUTER = "02 00 00 00 00 0b | 02 00 00 00 00 0a | 08 00"
            + " | 45 00 00 86 | 00 00 40 00 | 40 11 f1 12 | c0 a8 64 01 | c0 a8 64 02"
            + " | c4 4c | 12 b5 | 00 72 | 00 00"
            + " | 08 00 00 00 | 00 13 89 00";

    @Test
    void writesTheOuterHeadersInFrontOfTheInnerFrame() {
        byte[] b = new byte[VxlanEncapsulator.OVERHEAD + INNER_LENGTH + 7];
        int inner = VxlanEncapsulator.OVERHEAD + 7;
        VxlanEncapsulator encap = new VxlanEncapsulator(VTEP_MAC, VTEP_A, Vxlan.DEFAULT_UDP_PORT);
        int outer = encap.encapsulate(b, inner, INNER_LENGTH, NEXT_HOP_MAC, VTEP_B, 5001, 0, 0, FLOW_HASH);
        assertThat(outer).isEqualTo(7);
        assertThat(Hex.of(b, outer, 50)).isEqualTo(Hex.of(Hex.bytes(OUTER), 0, 50));
        assertThat(Hex.of(b, 0, 7)).isEqualTo("00000000000000");
        assertThat(Ipv4.isHeaderValid(b, outer + 14, INNER_LENGTH + 36)).isTrue();
    }

    @Test
    void traceProbeCarriesFlagsAndTraceId() {
        byte[] b = new byte[VxlanEncapsulator.OVERHEAD + INNER_LENGTH];
        VxlanEncapsulator encap = new VxlanEncapsulator(VTEP_MAC, VTEP_A, Vxlan.NSX_V_LEGACY_UDP_PORT);
        int outer = encap.encapsulate(b, VxlanEncapsulator.OVERHEAD, INNER_LENGTH, NEXT_HOP_MAC, VTEP_B, 0xFFFFFF,
                Vxlan.FLAG_TRACE | Vxlan.FLAG_REPLICATE_LOCALLY, 0x00C0FFEE, FLOW_HASH);
        assertThat(Hex.of(b, outer + 36, 2)).isEqualTo("2118");
        assertThat(Hex.of(b, outer + 42, 8)).isEqualTo("0bc0ffeeffffff00");
    }

    @Test
    void decapsulatorReadsWhatTheEncapsulatorWrote() {
        byte[] b = new byte[VxlanEncapsulator.OVERHEAD + INNER_LENGTH];
        int innerLength = IcmpFrames.echoRequest(b, VxlanEncapsulator.OVERHEAD,
                new FrameAddresses(0x0200_0000_0001L, 0x0200_0000_0002L, 0x0A00_010A, 0x0A00_020A), 1, 2, new byte[56],
                0, 56);
        VxlanEncapsulator encap = new VxlanEncapsulator(VTEP_MAC, VTEP_A, Vxlan.DEFAULT_UDP_PORT);
        int outer = encap.encapsulate(b, VxlanEncapsulator.OVERHEAD, innerLength, NEXT_HOP_MAC, VTEP_B, 5001,
                Vxlan.FLAG_TRACE, 77, FLOW_HASH);

        assertThat(VxlanDecapsulator.isVxlan(b, outer, b.length, Vxlan.DEFAULT_UDP_PORT)).isTrue();
        assertThat(VxlanDecapsulator.isVxlan(b, outer, b.length, Vxlan.NSX_V_LEGACY_UDP_PORT)).isFalse();
        assertThat(VxlanDecapsulator.vni(b, outer)).isEqualTo(5001);
        assertThat(VxlanDecapsulator.flags(b, outer)).isEqualTo(Vxlan.FLAG_I | Vxlan.FLAG_TRACE);
        assertThat(VxlanDecapsulator.traceId(b, outer)).isEqualTo(77);
        assertThat(VxlanDecapsulator.srcVtep(b, outer)).isEqualTo(VTEP_A.value());
        assertThat(VxlanDecapsulator.dstVtep(b, outer)).isEqualTo(VTEP_B);
        assertThat(VxlanDecapsulator.outerSrcMac(b, outer)).isEqualTo(VTEP_MAC.value());
        assertThat(VxlanDecapsulator.udpSrcPort(b, outer)).isEqualTo(Vxlan.sourcePort(FLOW_HASH));
        assertThat(VxlanDecapsulator.innerOffset(outer)).isEqualTo(VxlanEncapsulator.OVERHEAD);
        assertThat(VxlanDecapsulator.innerLength(b, outer)).isEqualTo(innerLength);
    }

    @Test
    void decapsulatorRefusesWhatItCannotRead() {
        byte[] b = new byte[VxlanEncapsulator.OVERHEAD + INNER_LENGTH];
        VxlanEncapsulator encap = new VxlanEncapsulator(VTEP_MAC, VTEP_A, Vxlan.DEFAULT_UDP_PORT);
        int outer = encap.encapsulate(b, VxlanEncapsulator.OVERHEAD, INNER_LENGTH, NEXT_HOP_MAC, VTEP_B, 5001, 0, 0, 1);
        assertThat(VxlanDecapsulator.isVxlan(b, outer, b.length - 1, Vxlan.DEFAULT_UDP_PORT)).isFalse();
        b[outer + 42] = 0;
        assertThat(VxlanDecapsulator.isVxlan(b, outer, b.length, Vxlan.DEFAULT_UDP_PORT)).isFalse();
        b[outer + 42] = Vxlan.FLAG_I;
        b[outer + 25] ^= 1;
        assertThat(VxlanDecapsulator.isVxlan(b, outer, b.length, Vxlan.DEFAULT_UDP_PORT)).as("bad checksum").isFalse();
        assertThat(VxlanDecapsulator.isVxlan(b, -1, b.length, Vxlan.DEFAULT_UDP_PORT)).isFalse();
    }
}
