package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VxlanTest {
    /** RFC 7348 header for VNI 5001 (0x001389): only the I flag. */
    static final String VNI_5001 = "08 | 00 00 00 | 00 13 89 | 00";

    @Test
    void decodesAndEncodesVni5001() {
        byte[] b = Hex.bytes(VNI_5001);
        assertThat(Vxlan.isValid(b, 0, b.length)).isTrue();
        assertThat(Vxlan.vni(b, 0)).isEqualTo(5001);
        VxlanHeader h = VxlanHeader.decode(b, 0, b.length);
        assertThat(h).isEqualTo(VxlanHeader.of(5001));
        assertThat(h.isStandard()).isTrue();
        byte[] out = new byte[8];
        assertThat(h.encode(out, 0)).isEqualTo(8);
        assertThat(out).isEqualTo(b);
    }

    @Test
    void traceFlagCarriesTheTraceIdInTheReservedBits() {
        byte[] out = new byte[8];
        VxlanHeader.trace(5001, 0xABCDEF).encode(out, 0);
        assertThat(Hex.of(out, 0, 8)).isEqualTo("09abcdef00138900");
        VxlanHeader h = VxlanHeader.decode(out, 0, 8);
        assertThat(h.isTrace()).isTrue();
        assertThat(h.traceId()).isEqualTo(0xABCDEF);
        assertThat(h.isStandard()).isFalse();
    }

    @Test
    void replicateLocallyFlagIsKept() {
        byte[] out = new byte[8];
        Vxlan.write(out, 0, Vxlan.FLAG_REPLICATE_LOCALLY, 0xFFFFFF, 0x123456);
        assertThat(Hex.of(out, 0, 8)).isEqualTo("0a000000ffffff00");
        assertThat(VxlanHeader.decode(out, 0, 8).replicateLocally()).isTrue();
    }

    @Test
    void reservedBitsAreIgnoredOnReceipt() {
        byte[] b = Hex.bytes("08 | ab cd ef | 00 13 89 | ff");
        assertThat(Vxlan.traceId(b, 0)).isZero();
        assertThat(VxlanHeader.decode(b, 0, 8)).isEqualTo(VxlanHeader.of(5001));
    }

    @Test
    void clearIFlagIsMalformed() {
        byte[] b = Hex.bytes("00 | 00 00 00 | 00 13 89 | 00");
        assertThat(Vxlan.isValid(b, 0, 8)).isFalse();
        assertThatThrownBy(() -> VxlanHeader.decode(b, 0, 8)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("I flag");
        assertThatThrownBy(() -> VxlanHeader.decode(Hex.bytes(VNI_5001), 0, 7))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void sourcePortStaysInTheDynamicRange() {
        assertThat(Vxlan.sourcePort(0)).isEqualTo(49152);
        assertThat(Vxlan.sourcePort(0x12345678)).isEqualTo(0xC44C);
        assertThat(Vxlan.sourcePort(-1)).isEqualTo(49152);
        assertThat(Vxlan.sourcePort(0x3FFF)).isEqualTo(65535);
    }
}
