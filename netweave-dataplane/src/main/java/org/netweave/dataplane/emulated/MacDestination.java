package org.netweave.dataplane.emulated;

/**
 * Where a logical switch's MAC table sends a frame, packed into one {@code long} so a lookup is a
 * single primitive hash probe: bits 60–62 hold the kind, bit 59 whether the entry was learned
 * from traffic, and the low 32 bits the kind's datum (port index, VTEP address, VLAN id).
 */
final class MacDestination {
    static final long MISSING = -1L;

    static final int LOCAL_PORT = 1;
    static final int REMOTE_VTEP = 2;
    /** Behind an external VTEP: never sent Netweave's private VXLAN flags. */
    static final int EXTERNAL_VTEP = 3;
    /** On the VLAN side of this host's bridge instance for the switch. */
    static final int VLAN = 4;
    /** The switch's LIF (its vMAC) or this host's router MAC: hand the frame to the DLR. */
    static final int ROUTER = 5;

    private static final long LEARNED_BIT = 1L << 59;

    private MacDestination() {
    }

    /**
     * Whether what a controller reports or traffic shows may replace {@code current}: anything
     * but a local port and the router, which this host knows first-hand.
     */
    static boolean replaceable(long current) {
        int kind = kind(current);
        return current == MISSING || kind != LOCAL_PORT && kind != ROUTER;
    }

    static long of(int kind, int datum, boolean learned) {
        return ((long) kind << 60) | (learned ? LEARNED_BIT : 0) | (datum & 0xFFFF_FFFFL);
    }

    static int kind(long entry) {
        return (int) (entry >>> 60);
    }

    static int datum(long entry) {
        return (int) entry;
    }

    static boolean learned(long entry) {
        return (entry & LEARNED_BIT) != 0;
    }
}
