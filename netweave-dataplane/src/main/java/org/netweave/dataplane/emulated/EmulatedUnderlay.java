package org.netweave.dataplane.emulated;

/**
 * Conventions of the emulated underlay, where VTEPs are loopback addresses and nothing answers
 * ARP for them: a VTEP's MAC is {@code 02:00} followed by its IPv4 address, so outer Ethernet
 * headers are deterministic and readable in captures; a multicast group's MAC is the standard
 * RFC 1112 mapping.
 */
public final class EmulatedUnderlay {
    private EmulatedUnderlay() {
    }

    public static long vtepMac(int vtepIp) {
        return 0x0200_0000_0000L | (vtepIp & 0xFFFF_FFFFL);
    }

    /** 01:00:5e followed by the low 23 bits of the group. */
    public static long multicastMac(int group) {
        return 0x0100_5E00_0000L | (group & 0x7F_FFFF);
    }
}
