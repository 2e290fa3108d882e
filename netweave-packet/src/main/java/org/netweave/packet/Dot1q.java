package org.netweave.packet;

/**
 * Flyweight access to an IEEE 802.1Q tag, and pushing or popping one in place.
 *
 * <p>A tagged frame carries TPID {@code 0x8100} where the EtherType was, then the tag control
 * information (TCI) and the original EtherType:
 *
 * <pre>
 *  dst MAC (6) | src MAC (6) | TPID 0x8100 | TCI | inner EtherType | payload ...
 *                                            ^ tag offset = frame + 14
 *  TCI:
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | PCP |D|         VID           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The accessors take the tag offset (the TCI), the {@code push}/{@code pop} helpers the frame
 * offset. Pushing moves only the 12 MAC bytes 4 bytes to the left into headroom that the caller
 * keeps in front of the frame, so a VXLAN↔VLAN bridge tags a frame without copying its payload.
 * {@link VlanTag} is the record form.
 */
public final class Dot1q {
    /** Bytes a tag adds to a frame: TPID and TCI. */
    public static final int TAG_LENGTH = 4;
    /** The tag offset relative to the frame: just after the TPID. */
    public static final int TAG_OFFSET = Ethernet.HEADER_LENGTH;
    public static final int TPID = Ethernet.TYPE_VLAN;
    public static final int MAX_VID = 0xFFF;
    public static final int MAX_PCP = 7;

    private static final int MACS_LENGTH = 12;
    private static final int PCP_SHIFT = 13;
    private static final int DEI_BIT = 0x1000;

    private Dot1q() {
    }

    public static int tci(byte[] b, int tagOff) {
        return Bytes.u16(b, tagOff);
    }

    public static int vid(byte[] b, int tagOff) {
        return tci(b, tagOff) & MAX_VID;
    }

    public static int pcp(byte[] b, int tagOff) {
        return tci(b, tagOff) >>> PCP_SHIFT;
    }

    public static boolean dei(byte[] b, int tagOff) {
        return (tci(b, tagOff) & DEI_BIT) != 0;
    }

    public static int innerEtherType(byte[] b, int tagOff) {
        return Bytes.u16(b, tagOff + 2);
    }

    public static void setTci(byte[] b, int tagOff, int tci) {
        Bytes.putU16(b, tagOff, tci);
    }

    public static int tci(int pcp, boolean dei, int vid) {
        return (pcp << PCP_SHIFT) | (dei ? DEI_BIT : 0) | (vid & MAX_VID);
    }

    /** Whether the frame at {@code frameOff} carries an 802.1Q tag. */
    public static boolean isTagged(byte[] b, int frameOff) {
        return Ethernet.etherType(b, frameOff) == TPID;
    }

    /**
     * Tags the frame at {@code frameOff}, which needs {@link #TAG_LENGTH} bytes of headroom in
     * front of it, and returns the new frame offset {@code frameOff - 4}; the frame grows by 4.
     */
    public static int push(byte[] b, int frameOff, int tci) {
        int newOff = frameOff - TAG_LENGTH;
        moveMacs(b, frameOff, newOff);
        Bytes.putU16(b, newOff + Ethernet.ETHER_TYPE_OFFSET, TPID);
        Bytes.putU16(b, newOff + TAG_OFFSET, tci);
        return newOff;
    }

    /**
     * Removes the tag of the tagged frame at {@code frameOff} and returns the new frame offset
     * {@code frameOff + 4}; the frame shrinks by 4 and keeps the inner EtherType.
     */
    public static int pop(byte[] b, int frameOff) {
        int newOff = frameOff + TAG_LENGTH;
        moveMacs(b, frameOff, newOff);
        return newOff;
    }

    /** Both MACs are read before anything is written, so the overlapping move is safe. */
    private static void moveMacs(byte[] b, int from, int to) {
        long first = Bytes.u64(b, from);
        int rest = Bytes.u32(b, from + 8);
        Bytes.putU64(b, to, first);
        Bytes.putU32(b, to + 8, rest);
    }
}
