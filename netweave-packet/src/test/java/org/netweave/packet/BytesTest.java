package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void readsBigEndianUnsigned() {
        byte[] b = Hex.bytes("ff fe fd fc fb fa f9 f8");
        assertThat(Bytes.u8(b, 0)).isEqualTo(0xFF);
        assertThat(Bytes.u16(b, 1)).isEqualTo(0xFEFD);
        assertThat(Bytes.u32(b, 0)).isEqualTo(0xFFFE_FDFC);
        assertThat(Bytes.u48(b, 2)).isEqualTo(0xFDFC_FBFA_F9F8L);
        assertThat(Bytes.u64(b, 0)).isEqualTo(0xFFFE_FDFC_FBFA_F9F8L);
    }

    @Test
    void writesBigEndianAndOnlyTheFieldsBytes() {
        byte[] b = new byte[10];
        Bytes.putU48(b, 1, 0x0102_0304_0506L);
        Bytes.putU16(b, 7, 0xABCD);
        Bytes.putU8(b, 9, 0x1FF);
        assertThat(Hex.of(b, 0, b.length)).isEqualTo("00010203040506abcdff");
        Bytes.putU32(b, 0, 0xCAFE_BABE);
        Bytes.putU64(b, 2, 0x1122_3344_5566_7788L);
        assertThat(Hex.of(b, 0, b.length)).isEqualTo("cafe1122334455667788");
    }

    @Test
    void accessOutsideTheArrayThrowsIndexOutOfBounds() {
        byte[] b = new byte[5];
        assertThatThrownBy(() -> Bytes.u48(b, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bytes.putU16(b, -1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void inBoundsNeverOverflows() {
        byte[] b = new byte[10];
        assertThat(Bytes.inBounds(b, 0, 10)).isTrue();
        assertThat(Bytes.inBounds(b, 10, 0)).isTrue();
        assertThat(Bytes.inBounds(b, 1, 10)).isFalse();
        assertThat(Bytes.inBounds(b, -1, 2)).isFalse();
        assertThat(Bytes.inBounds(b, 2, -1)).isFalse();
        assertThat(Bytes.inBounds(b, Integer.MAX_VALUE, Integer.MAX_VALUE)).isFalse();
        assertThat(Bytes.inBounds(b, 5, Integer.MAX_VALUE)).isFalse();
    }
}
