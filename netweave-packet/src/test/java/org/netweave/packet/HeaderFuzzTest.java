package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the link-layer and ARP decoders and their hot-path validators. A plain
 * {@code mvn test} replays the seeds under {@code HeaderFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} Jazzer explores from them.
 */
class HeaderFuzzTest {

    @FuzzTest
    void ethernetHeader(byte[] data) {
        RoundTrip.check(data, EthernetHeader::decode, EthernetHeader::encode, EthernetHeader::encodedLength);
    }

    @FuzzTest
    void vlanTag(byte[] data) {
        RoundTrip.check(data, VlanTag::decode, VlanTag::encode, VlanTag::encodedLength);
    }

    @FuzzTest
    void arpPacket(byte[] data) {
        boolean decoded = RoundTrip.check(data, ArpPacket::decode, ArpPacket::encode, ArpPacket::encodedLength);
        assertThat(Arp.isValid(data, 0, data.length)).isEqualTo(decoded);
    }

    @FuzzTest
    void arpFrame(byte[] data) {
        if (ArpFrames.isRequest(data, 0, data.length)) {
            byte[] b = data.clone();
            ArpFrames.replyInPlace(b, 0, 0x0200_0000_0001L);
            assertThat(ArpPacket.decode(b, Ethernet.HEADER_LENGTH, Arp.LENGTH).isRequest()).isFalse();
        }
    }

    /** The flow hash reads whatever a frame claims; it must stay inside the frame. */
    @FuzzTest
    void flowHash(byte[] data) {
        assertThat(FlowHash.of(data, 0, data.length)).isEqualTo(FlowHash.of(data.clone(), 0, data.length));
        if (data.length > 1) {
            FlowHash.of(data, 1, data.length - 1);
        }
    }
}
