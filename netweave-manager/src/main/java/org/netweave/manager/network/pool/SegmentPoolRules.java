package org.netweave.manager.network.pool;

import java.util.List;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.LogicalSwitchId;

/** What a segment pool must satisfy. Pure: the admin service loads the facts and calls these. */
public final class SegmentPoolRules {
    private SegmentPoolRules() {
    }

    /** {@code 5000 <= begin <= end <= 16777215}. */
    public static VniRange range(Integer begin, Integer end) {
        var first = Fields.vni("begin", Fields.required("begin", begin));
        var last = Fields.vni("end", Fields.required("end", end));
        if (first.compareTo(last) > 0) {
            throw ApiException.invalid("end", "end " + last + " is below begin " + first);
        }
        return new VniRange(first, last);
    }

    /** A VNI belongs to at most one pool, so two pools never overlap. */
    public static void checkNoOverlap(VniRange range, List<SegmentPoolConfig> existing) {
        for (SegmentPoolConfig other : existing) {
            if (other.range().overlaps(range)) {
                throw ApiException.conflict("begin", "range " + range + " overlaps segment pool " + other.id()
                        + " ('" + other.name() + "', " + other.range() + ")");
            }
        }
    }

    /** A pool goes only when no logical switch holds one of its VNIs. */
    public static void checkDeletable(SegmentPoolConfig pool, List<LogicalSwitchId> holders) {
        if (!holders.isEmpty()) {
            throw ApiException.inUse(null, "segment pool " + pool.id() + " still has VNIs held by logical switches "
                    + Fields.some(holders));
        }
    }
}
