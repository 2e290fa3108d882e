package org.netweave.dataplane.emulated;

/**
 * The routing decisions for recent destinations, so that a routed packet costs one probe here
 * instead of four lookups (the LIF addresses, the longest-prefix match, the ARP table and the
 * egress switch's MAC table): the route cache of classic routers, kept exact by invalidation.
 *
 * <p>Direct-mapped, {@value #SIZE} entries, keyed by router instance and destination address. An
 * entry holds the egress switch, the egress LIF's vMAC, the next hop's MAC and the egress
 * MAC-table entry — what the packet needs, so a hit reads no other object — and is valid
 * only in the {@linkplain HostTables#generation tables generation} it was computed in: any change
 * to any table makes every entry stale at once, with nothing to walk. Only decisions that reached
 * a resolved next hop are remembered; everything else (LIF addresses, no route, unresolved next
 * hops, TTL expiry, traced packets) takes the full path every time. A collision just evicts.
 *
 * <p>Each slot is one small object, allocated when the slot is first used and overwritten in
 * place after that, so a probe touches the slot array and one object's cache line rather than
 * one line per field, and an idle host holds just the 128 KiB array. The size keeps collisions
 * rare for a few thousand active destinations per host (about 6% of them share a slot at
 * 2,000). Owned by the host's forwarding thread.
 */
final class RouteCache {
    static final int SIZE = 1 << 15;
    private static final int SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(SIZE);
    private static final int GOLDEN = 0x9E37_79B9;

    /** One remembered decision: where packets for {@code destination} on {@code router} go. */
    static final class Entry {
        RouterInstance router;
        int destination;
        long generation;
        SwitchInstance egressSwitch;
        long egressVmac;
        long nextHopMac;
        long egressEntry;
    }

    private final Entry[] slots = new Entry[SIZE];

    /** The current decision for {@code dst} on {@code router}, or null. */
    Entry find(RouterInstance router, int dst, long generation) {
        Entry e = slots[slot(dst)];
        return e != null && e.router == router && e.destination == dst && e.generation == generation ? e : null;
    }

    void remember(RouterInstance router, int dst, long generation, LifInstance egress, long nextHopMac,
            long egressEntry) {
        int slot = slot(dst);
        Entry e = slots[slot];
        if (e == null) {
            e = new Entry();
            slots[slot] = e;
        }
        e.router = router;
        e.destination = dst;
        e.generation = generation;
        e.egressSwitch = egress.ls;
        e.egressVmac = egress.vmac;
        e.nextHopMac = nextHopMac;
        e.egressEntry = egressEntry;
    }

    /** Fibonacci hashing: the top bits of the address times the golden ratio spread neighbours apart. */
    private static int slot(int dst) {
        return (dst * GOLDEN) >>> SHIFT;
    }
}
