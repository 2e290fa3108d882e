package org.netweave.dataplane.fib;

import java.util.HashMap;
import java.util.Map;
import org.netweave.model.Ipv4Prefix;

/**
 * The obvious longest-prefix match, kept obviously correct: one map entry per route, probed from
 * /32 down to /0. The oracle for the property tests.
 */
final class NaiveLpm {
    private final Map<Long, Integer> routes = new HashMap<>();

    static long key(int prefix, int length) {
        return ((long) length << 32) | Integer.toUnsignedLong(prefix);
    }

    void put(int prefix, int length, int value) {
        routes.put(key(prefix, length), value);
    }

    boolean remove(int prefix, int length) {
        return routes.remove(key(prefix, length)) != null;
    }

    int get(int prefix, int length) {
        return routes.getOrDefault(key(prefix, length), Ipv4RouteTable.NO_ROUTE);
    }

    int lookup(int address) {
        for (int length = 32; length >= 0; length--) {
            Integer value = routes.get(key(address & Ipv4Prefix.mask(length), length));
            if (value != null) {
                return value;
            }
        }
        return Ipv4RouteTable.NO_ROUTE;
    }

    int size() {
        return routes.size();
    }

    Map<Long, Integer> routes() {
        return routes;
    }
}
