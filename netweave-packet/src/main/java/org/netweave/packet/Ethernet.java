package org.netweave.packet;

/**
 * Flyweight access to an Ethernet II header in place, for the forwarding path.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    destination MAC address                    |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                      source MAC address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |   payload ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>MAC addresses are the low 48 bits of a {@code long}, as {@code MacAddress#value()} holds
 * them. The methods do no length checks: the caller checks {@code len >= HEADER_LENGTH} once
 * per frame. {@link EthernetHeader} is the record form for the slow path.
 */
public final class Ethernet {
    public static final int HEADER_LENGTH = 14;
    public static final int DST_OFFSET = 0;
    public static final int SRC_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;

    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;
    public static final int TYPE_VLAN = 0x8100;
    /** 802.1ad (QinQ) service tag. */
    public static final int TYPE_QINQ = 0x88A8;

    /** The smallest frame on the wire without the FCS; shorter frames are padded to it. */
    public static final int MIN_FRAME_LENGTH = 60;

    private Ethernet() {
    }

    public static long dst(byte[] b, int off) {
        return Bytes.u48(b, off + DST_OFFSET);
    }

    public static long src(byte[] b, int off) {
        return Bytes.u48(b, off + SRC_OFFSET);
    }

    public static int etherType(byte[] b, int off) {
        return Bytes.u16(b, off + ETHER_TYPE_OFFSET);
    }

    public static void setDst(byte[] b, int off, long mac) {
        Bytes.putU48(b, off + DST_OFFSET, mac);
    }

    public static void setSrc(byte[] b, int off, long mac) {
        Bytes.putU48(b, off + SRC_OFFSET, mac);
    }

    public static void setEtherType(byte[] b, int off, int etherType) {
        Bytes.putU16(b, off + ETHER_TYPE_OFFSET, etherType);
    }

    /** Writes the whole header and returns the offset of the payload. */
    public static int write(byte[] b, int off, long dst, long src, int etherType) {
        setDst(b, off, dst);
        setSrc(b, off, src);
        setEtherType(b, off, etherType);
        return off + HEADER_LENGTH;
    }

    /** Whether the destination is a group address (broadcast or multicast): the I/G bit. */
    public static boolean isMulticastDst(byte[] b, int off) {
        return (b[off + DST_OFFSET] & 0x01) != 0;
    }
}
