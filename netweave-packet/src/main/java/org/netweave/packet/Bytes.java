package org.netweave.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian (network order) reads and writes of unsigned fields in a {@code byte[]}.
 *
 * <p>Every header flyweight goes through here. The multi-byte accesses use
 * {@link MethodHandles#byteArrayViewVarHandle} views, which C2 compiles to one bounds check and
 * one (byte-swapped) load or store, instead of the shift-and-or chains of byte-by-byte code.
 * Nothing allocates. An offset outside the array throws {@link IndexOutOfBoundsException}, as
 * plain array access would: the flyweights trust their caller to have checked the length once.
 *
 * <p>Unsigned values come back widened: {@code u8} and {@code u16} as a non-negative
 * {@code int}, {@code u32} as the raw 32 bits in an {@code int} (an IPv4 address, as
 * {@code org.netweave.model.Ipv4Address} holds it), {@code u48} as a non-negative
 * {@code long} (a MAC address, as {@code org.netweave.model.MacAddress} holds it).
 */
public final class Bytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return (short) SHORT.get(b, off) & 0xFFFF;
    }

    public static int u32(byte[] b, int off) {
        return (int) INT.get(b, off);
    }

    public static long u48(byte[] b, int off) {
        return ((long) u16(b, off) << 32) | (u32(b, off + 2) & 0xFFFF_FFFFL);
    }

    public static long u64(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    public static void putU8(byte[] b, int off, int value) {
        b[off] = (byte) value;
    }

    public static void putU16(byte[] b, int off, int value) {
        SHORT.set(b, off, (short) value);
    }

    public static void putU32(byte[] b, int off, int value) {
        INT.set(b, off, value);
    }

    public static void putU48(byte[] b, int off, long value) {
        putU16(b, off, (int) (value >>> 32));
        putU32(b, off + 2, (int) value);
    }

    public static void putU64(byte[] b, int off, long value) {
        LONG.set(b, off, value);
    }

    /** Whether {@code [off, off + len)} lies inside {@code b}; never throws, even for negative values. */
    public static boolean inBounds(byte[] b, int off, int len) {
        return off >= 0 && len >= 0 && len <= b.length - off;
    }
}
