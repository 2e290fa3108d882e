package org.netweave.packet;

/**
 * An 802.1Q tag as a value: the TCI fields and the EtherType of what follows, the 4 bytes after
 * the TPID (layout on {@link Dot1q}). The TPID itself is the {@link EthernetHeader}'s EtherType.
 *
 * <p>The VID is the raw 12-bit field: 0 (priority tag) and 4095 are legal on the wire even
 * though {@code org.netweave.model.VlanId} refuses them as segments to attach to.
 */
public record VlanTag(int pcp, boolean dei, int vid, int etherType) {
    public static final int ENCODED_LENGTH = 4;
    private static final String NAME = "802.1Q";

    public VlanTag {
        Fields.requireRange("pcp", pcp, 0, Dot1q.MAX_PCP);
        Fields.requireRange("vid", vid, 0, Dot1q.MAX_VID);
        Fields.requireU16("etherType", etherType);
    }

    /** Decodes the tag at {@code off}, the byte after the TPID. */
    public static VlanTag decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, ENCODED_LENGTH);
        return new VlanTag(Dot1q.pcp(b, off), Dot1q.dei(b, off), Dot1q.vid(b, off), Dot1q.innerEtherType(b, off));
    }

    public int encode(byte[] b, int off) {
        Dot1q.setTci(b, off, Dot1q.tci(pcp, dei, vid));
        Bytes.putU16(b, off + 2, etherType);
        return ENCODED_LENGTH;
    }

    public int encodedLength() {
        return ENCODED_LENGTH;
    }
}
