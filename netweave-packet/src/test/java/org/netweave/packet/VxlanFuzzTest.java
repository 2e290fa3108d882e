package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzz targets for the VXLAN header decoder and the decapsulation check a VTEP runs on every packet. */
class VxlanFuzzTest {

    @FuzzTest
    void vxlanHeader(byte[] data) {
        boolean decoded = RoundTrip.check(data, VxlanHeader::decode, VxlanHeader::encode, VxlanHeader::encodedLength);
        assertThat(Vxlan.isValid(data, 0, data.length)).isEqualTo(decoded);
    }

    /** A packet the check accepts has an inner frame inside the buffer and a decodable header. */
    @FuzzTest
    void decapsulate(byte[] data) {
        for (int port : new int[] {Vxlan.DEFAULT_UDP_PORT, Vxlan.NSX_V_LEGACY_UDP_PORT}) {
            if (VxlanDecapsulator.isVxlan(data, 0, data.length, port)) {
                int inner = VxlanDecapsulator.innerOffset(0);
                int innerLength = VxlanDecapsulator.innerLength(data, 0);
                assertThat(innerLength).isGreaterThanOrEqualTo(Ethernet.HEADER_LENGTH);
                assertThat(inner + innerLength).isLessThanOrEqualTo(data.length);
                VxlanHeader h = VxlanHeader.decode(data, VxlanDecapsulator.VXLAN_OFFSET, Vxlan.HEADER_LENGTH);
                assertThat(h.vni()).isEqualTo(VxlanDecapsulator.vni(data, 0));
                assertThat(Ipv4Header.decode(data, VxlanDecapsulator.IP_OFFSET, data.length - Ethernet.HEADER_LENGTH)
                        .protocol()).isEqualTo(Ipv4.PROTOCOL_UDP);
                FlowHash.of(data, inner, innerLength);
            }
        }
    }
}
