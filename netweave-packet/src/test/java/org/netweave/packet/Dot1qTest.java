package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Dot1qTest {
    private static final String UNTAGGED = "02 00 00 00 00 02 | 02 00 00 00 00 01 | 08 00 | 45 00";
    /** The same frame tagged with PCP 5, DEI 0, VID 100 (TCI a064). */
    private static final String TAGGED = "02 00 00 00 00 02 | 02 00 00 00 00 01 | 81 00 | a0 64 | 08 00 | 45 00";

    @Test
    void pushMovesTheMacsIntoHeadroomAndInsertsTheTag() {
        byte[] b = Hex.withHeadroom(Dot1q.TAG_LENGTH, Hex.bytes(UNTAGGED));
        int tagged = Dot1q.push(b, Dot1q.TAG_LENGTH, Dot1q.tci(5, false, 100));
        assertThat(tagged).isZero();
        assertThat(Hex.of(b, 0, b.length)).isEqualTo(Hex.of(Hex.bytes(TAGGED), 0, 20));
        assertThat(Dot1q.isTagged(b, 0)).isTrue();
        assertThat(Dot1q.vid(b, Dot1q.TAG_OFFSET)).isEqualTo(100);
        assertThat(Dot1q.pcp(b, Dot1q.TAG_OFFSET)).isEqualTo(5);
        assertThat(Dot1q.dei(b, Dot1q.TAG_OFFSET)).isFalse();
        assertThat(Dot1q.innerEtherType(b, Dot1q.TAG_OFFSET)).isEqualTo(Ethernet.TYPE_IPV4);
    }

    @Test
    void popRestoresTheUntaggedFrame() {
        byte[] b = Hex.bytes(TAGGED);
        int untagged = Dot1q.pop(b, 0);
        assertThat(untagged).isEqualTo(4);
        assertThat(Hex.of(b, untagged, b.length - untagged)).isEqualTo(Hex.of(Hex.bytes(UNTAGGED), 0, 16));
        assertThat(Dot1q.isTagged(b, untagged)).isFalse();
    }

    @Test
    void recordCarriesTciFieldsAndInnerType() {
        byte[] b = Hex.bytes("f0 01 | 08 06");
        VlanTag tag = VlanTag.decode(b, 0, b.length);
        assertThat(tag).isEqualTo(new VlanTag(7, true, 1, Ethernet.TYPE_ARP));
        byte[] out = new byte[tag.encodedLength()];
        tag.encode(out, 0);
        assertThat(out).isEqualTo(b);
    }
}
