package org.netweave.manager.network.lswitch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.pool.VniRange;

/**
 * Finds the lowest free VNI of a segment pool without reading every taken one. Per pool it keeps a
 * floor: every VNI from the pool's begin up to the floor is held by a switch. A search starts
 * there and looks VNIs up one at a time (along the unique index on vni) until one is free, which
 * after the first search is two lookups; with no floor yet (a manager just started) it reads the
 * pool's taken VNIs once and binary-searches the first gap.
 *
 * <p>The floor must never be too high, or a freed VNI would be skipped for good. A deletion lowers
 * it at once, inside its write (too low only costs lookups, so a deletion rolled back does no
 * harm). A search raises it only after its write committed ({@link Handle#afterCommit} runs still
 * under the store's write lock, so writes are serial), and not at all if a switch was deleted in
 * between: a VNI observed taken might be free again.
 *
 * <p>One instance per store: every write that creates or deletes a switch must go through it.
 */
final class FreeVnis {
    private final Map<VniRange, Integer> floors = new ConcurrentHashMap<>();
    private final AtomicLong deletions = new AtomicLong();

    /** The lowest VNI of {@code pool} no switch holds (its end + 1 when full), inside the write of {@code handle}. */
    int firstFree(Handle handle, VniRange pool) {
        Integer floor = floors.get(pool);
        int free;
        if (floor == null) {
            free = VniAllocator.firstGap(pool.begin().value(), LogicalSwitchStore.usedVnis(handle, pool));
        } else {
            free = floor;
            while (free <= pool.end().value() && LogicalSwitchStore.isVniTaken(handle, free)) {
                free++;
            }
        }
        long deletionsSeen = deletions.get();
        int taken = free;
        handle.afterCommit(() -> {
            if (deletions.get() == deletionsSeen) {
                floors.merge(pool, taken, Math::max);
            }
        });
        return free;
    }

    void forget() {
        deletions.incrementAndGet();
        floors.clear();
    }

    /** A switch holding {@code vni} is deleted in the caller's write. */
    void freed(int vni) {
        deletions.incrementAndGet();
        floors.replaceAll((pool, floor) -> pool.contains(vni) ? Math.min(floor, vni) : floor);
    }
}
