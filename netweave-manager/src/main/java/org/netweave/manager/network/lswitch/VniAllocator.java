package org.netweave.manager.network.lswitch;

import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** The lowest VNI of any pool that no switch holds; empty when the pools are full. */
    public static OptionalInt lowestFree(List<VniRange> pools, NavigableSet<Integer> used) {
        for (VniRange pool : pools.stream().sorted((a, b) -> a.begin().compareTo(b.begin())).toList()) {
            int candidate = pool.begin().value();
            int end = pool.end().value();
            for (int taken : used.tailSet(candidate, true)) {
                if (taken != candidate || candidate > end) {
                    break;
                }
                candidate++;
            }
            if (candidate <= end) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    /** The free VNI the pools give next, or 409 when every VNI of every pool is taken. */
    public static Vni allocate(List<SegmentPoolConfig> pools, NavigableSet<Integer> used) {
        OptionalInt free = lowestFree(pools.stream().map(SegmentPoolConfig::range).toList(), used);
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
