package org.netweave.manager.network.lswitch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.pool.SegmentPoolConfig;
import org.netweave.manager.network.pool.VniRange;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.Vni;

/** Chooses and checks the VNI of a new logical switch. Pure. */
public final class VniAllocator {
    private VniAllocator() {
    }

    /**
     * The lowest VNI of any pool that no switch holds; empty when the pools are full.
     * {@code firstFree} gives a pool's lowest free VNI (its end + 1 when it is full); it is asked
     * pool by pool, in VNI order, until one has room.
     */
    public static OptionalInt lowestFree(List<VniRange> pools, ToIntFunction<VniRange> firstFree) {
        for (VniRange pool : pools.stream().sorted(Comparator.comparing(VniRange::begin)).toList()) {
            int candidate = firstFree.applyAsInt(pool);
            if (candidate <= pool.end().value()) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The lowest value from {@code begin} up that {@code taken} (distinct, ascending, none below
     * {@code begin}) lacks: a pool's first free VNI from all its taken ones. Since the values are distinct, {@code taken[i] >= begin + i}, with
     * equality exactly up to the first gap: a binary search finds it, so allocating the 10,000th
     * VNI of a dense pool costs fourteen comparisons, not a walk over the pool.
     */
    static int firstGap(int begin, int[] taken) {
        int low = 0;
        int high = taken.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (taken[middle] == begin + middle) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return begin + low;
    }

    /** The free VNI the pools give next, or 409 when every VNI of every pool is taken. */
    public static Vni allocate(List<SegmentPoolConfig> pools, ToIntFunction<VniRange> firstFree) {
        OptionalInt free = lowestFree(pools.stream().map(SegmentPoolConfig::range).toList(), firstFree);
        if (free.isEmpty()) {
            throw ApiException.conflict(null, pools.isEmpty()
                    ? "there is no segment pool to take a VNI from; create one first"
                    : "every VNI of the segment pools is taken; add a segment pool");
        }
        return Vni.of(free.getAsInt());
    }

    /** A VNI the client chose: in range, inside a pool, held by no other switch. */
    public static Vni explicit(int raw, List<SegmentPoolConfig> pools, Optional<LogicalSwitchId> holder) {
        Vni vni = Fields.vni("vni", raw);
        if (pools.stream().noneMatch(pool -> pool.range().contains(raw))) {
            throw ApiException.conflict("vni", "VNI " + vni + " is in no segment pool");
        }
        holder.ifPresent(other -> {
            throw ApiException.conflict("vni", "VNI " + vni + " is taken by logical switch " + other);
        });
        return vni;
    }
}
