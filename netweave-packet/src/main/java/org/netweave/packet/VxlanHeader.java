package org.netweave.packet;

import org.netweave.model.InvalidValueException;

/**
 * A VXLAN header as a value (layout and flag meanings on {@link Vxlan}).
 *
 * <p>The VNI is the raw 24-bit wire field: values below 5000 are legal VXLAN even though no
 * Netweave logical switch uses them ({@code org.netweave.model.Vni}); the forwarding code counts
 * them as drops. A header without the I flag is malformed. Flags other than I, T and L are kept
 * as received so a capture shows what a peer sent.
 *
 * @param flags the whole flags byte, I included
 * @param traceId the probe's trace id; must be 0 unless {@link Vxlan#FLAG_TRACE} is set
 */
public record VxlanHeader(int flags, int vni, int traceId) {
    private static final String NAME = "VXLAN";

    public VxlanHeader {
        Fields.requireU8("flags", flags);
        if ((flags & Vxlan.FLAG_I) == 0) {
            throw new InvalidValueException("flags", Integer.toHexString(flags),
                    "lack the I flag 0x08");
        }
        Fields.requireU24("vni", vni);
        Fields.requireRange("traceId", traceId, 0, (flags & Vxlan.FLAG_TRACE) != 0 ? Vxlan.MAX_TRACE_ID : 0);
    }

    /** A header a standard VTEP accepts: only the I flag. */
    public static VxlanHeader of(int vni) {
        return new VxlanHeader(Vxlan.STANDARD_FLAGS, vni, 0);
    }

    /** A traceflow probe header, for Netweave peers only. */
    public static VxlanHeader trace(int vni, int traceId) {
        return new VxlanHeader(Vxlan.FLAG_I | Vxlan.FLAG_TRACE, vni, traceId);
    }

    public static VxlanHeader decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Vxlan.HEADER_LENGTH);
        int flags = Vxlan.flags(b, off);
        if ((flags & Vxlan.FLAG_I) == 0) {
            throw new MalformedPacketException(NAME, "I flag clear (flags " + Integer.toHexString(flags) + ")");
        }
        return new VxlanHeader(flags, Vxlan.vni(b, off), Vxlan.traceId(b, off));
    }

    public int encode(byte[] b, int off) {
        Vxlan.write(b, off, flags, vni, traceId);
        return Vxlan.HEADER_LENGTH;
    }

    public int encodedLength() {
        return Vxlan.HEADER_LENGTH;
    }

    public boolean isTrace() {
        return (flags & Vxlan.FLAG_TRACE) != 0;
    }

    public boolean replicateLocally() {
        return (flags & Vxlan.FLAG_REPLICATE_LOCALLY) != 0;
    }

    /** Whether only standard flags are set, so the header may go to a non-Netweave VTEP. */
    public boolean isStandard() {
        return flags == Vxlan.STANDARD_FLAGS;
    }
}
