package org.netweave.bench;

import java.util.HashMap;
import java.util.Map;
import org.netweave.model.Ipv4Prefix;

/**
 * The baseline the trie must beat: the obvious first longest-prefix match, one {@link HashMap}
 * per prefix length, probed from the longest length in use down to the shortest. It already
 * skips lengths without routes, which is the first optimisation anyone would add.
 */
public final class NaiveRouteTable {
    public static final int NO_ROUTE = -1;

    @SuppressWarnings("unchecked")
    private final Map<Integer, Integer>[] byLength = new Map[33];
    private int[] probeOrder = new int[0];

    public void put(int prefix, int length, int value) {
        if (byLength[length] == null) {
            byLength[length] = new HashMap<>();
            updateProbeOrder();
        }
        byLength[length].put(prefix, value);
    }

    public boolean remove(int prefix, int length) {
        Map<Integer, Integer> routes = byLength[length];
        if (routes == null || routes.remove(prefix) == null) {
            return false;
        }
        if (routes.isEmpty()) {
            byLength[length] = null;
            updateProbeOrder();
        }
        return true;
    }

    public int lookup(int address) {
        for (int length : probeOrder) {
            Integer value = byLength[length].get(address & Ipv4Prefix.mask(length));
            if (value != null) {
                return value;
            }
        }
        return NO_ROUTE;
    }

    private void updateProbeOrder() {
        int count = 0;
        int[] order = new int[33];
        for (int length = 32; length >= 0; length--) {
            if (byLength[length] != null) {
                order[count++] = length;
            }
        }
        probeOrder = java.util.Arrays.copyOf(order, count);
    }
}
