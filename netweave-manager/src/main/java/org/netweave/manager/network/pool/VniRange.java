package org.netweave.manager.network.pool;

import org.netweave.model.Vni;

/** An inclusive range of VNIs, {@code begin <= end}. */
public record VniRange(Vni begin, Vni end) {
    public VniRange {
        if (begin.compareTo(end) > 0) {
            throw new IllegalArgumentException("range " + begin + "-" + end + " ends before it begins");
        }
    }

    public boolean contains(int vni) {
        return vni >= begin.value() && vni <= end.value();
    }

    public boolean overlaps(VniRange other) {
        return begin.value() <= other.end.value() && other.begin.value() <= end.value();
    }

    @Override
    public String toString() {
        return begin + "-" + end;
    }
}
