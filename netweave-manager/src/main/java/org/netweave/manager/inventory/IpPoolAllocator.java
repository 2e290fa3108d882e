package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.netweave.model.Ipv4Address;

/**
 * Hands out a pool's addresses, lowest first, skipping every address the inventory already uses
 * (VMkernel ports and management addresses, whoever assigned them). Nothing records which pool an
 * address came from: an address is free exactly when no host uses it, so a deleted host gives its
 * VTEP address back without any bookkeeping that could drift. Pure.
 */
public final class IpPoolAllocator {
    private IpPoolAllocator() {
    }

    /** Up to {@code count} free addresses of the pool in ascending order; fewer when the pool runs out. */
    public static List<Ipv4Address> allocate(IpPoolRecord pool, Set<Ipv4Address> used, int count) {
        List<Ipv4Address> free = new ArrayList<>(count);
        long last = Integer.toUnsignedLong(pool.end().value());
        for (long a = Integer.toUnsignedLong(pool.start().value()); a <= last && free.size() < count; a++) {
            Ipv4Address address = Ipv4Address.of((int) a);
            if (!used.contains(address)) {
                free.add(address);
            }
        }
        return free;
    }

    /** How many of the pool's addresses are in use. */
    public static long allocated(IpPoolRecord pool, Set<Ipv4Address> used) {
        return used.stream().filter(pool::contains).count();
    }
}
