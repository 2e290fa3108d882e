package org.netweave.dataplane.emulated;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * Maps underlay multicast onto one machine's loopback. Real L3 multicast (MULTICAST mode) uses
 * the switch's group as is. HYBRID mode sends L2 multicast that a real network keeps inside the
 * VTEP segment; one loopback has no segment boundary, so the emulation gives each (group,
 * segment) pair its own group in 239.192.0.0/14 (organisation-local scope), which only the VTEPs
 * of that segment join.
 */
final class UnderlayGroups {
    private static final int SCOPED_BASE = 0xEFC0_0000; // 239.192.0.0
    private static final int SCOPED_MASK = 0x0003_FFFF; // /14

    private UnderlayGroups() {
    }

    static int segmentScoped(Ipv4Address group, Ipv4Prefix segment) {
        int h = group.value() * 0x9E37_79B9 ^ segment.address().value() * 0x85EB_CA6B ^ segment.length();
        h ^= h >>> 15;
        return SCOPED_BASE | (h & SCOPED_MASK);
    }
}
