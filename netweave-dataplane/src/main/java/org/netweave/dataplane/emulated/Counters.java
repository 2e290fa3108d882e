package org.netweave.dataplane.emulated;

import java.util.EnumMap;
import java.util.Map;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DropReason;

/** Mutable counters of one host's pipeline; written only by its forwarding thread. */
final class Counters {
    private static final DropReason[] REASONS = DropReason.values();

    long framesFromPorts;
    long framesToPorts;
    long vxlanSent;
    long vxlanReceived;
    long routed;
    long bridged;
    long arpSuppressed;
    long arpFlooded;
    long flowCacheHits;
    final long[] drops = new long[REASONS.length];

    void drop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    void drop(DropReason reason, int count) {
        drops[reason.ordinal()] += count;
    }

    DatapathCounters snapshot() {
        Map<DropReason, Long> d = new EnumMap<>(DropReason.class);
        for (DropReason r : REASONS) {
            d.put(r, drops[r.ordinal()]);
        }
        return new DatapathCounters(framesFromPorts, framesToPorts, vxlanSent, vxlanReceived, routed, bridged,
                arpSuppressed, arpFlooded, flowCacheHits, d);
    }
}
