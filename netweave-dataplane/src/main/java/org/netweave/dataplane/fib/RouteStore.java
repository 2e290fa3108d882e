package org.netweave.dataplane.fib;

import java.util.Arrays;
import org.netweave.model.Ipv4Prefix;

/**
 * The authoritative set of routes of one {@link Ipv4RouteTable}: one open-addressing hash table
 * per prefix length, allocated on first use. It answers exact-match reads, dumps, rebuilds, and
 * the one question the trie cannot: which route covers a prefix that is being deleted.
 *
 * <p>A slot is one {@code long}, the prefix in the high half and the value in the low half, so a
 * route costs 8 bytes at load factor ≤ 3/4 (about 11–21 bytes per route). A low half of -1
 * (never a valid value) marks a free slot. Collisions probe linearly and deletes shift the
 * following run back, so there are no tombstones to age.
 */
final class RouteStore {
    private static final int LENGTHS = 33;
    private static final long FREE = -1L;
    private static final int MIN_CAPACITY = 4;
    private static final int NO_ROUTE = Ipv4RouteTable.NO_ROUTE;

    private final long[][] tables = new long[LENGTHS][];
    private final int[] counts = new int[LENGTHS];
    /** Bit {@code n} is set while at least one route of length {@code n} exists. */
    private long lengthsInUse;
    private int size;

    /** Receives routes; the order depends on the caller. */
    @FunctionalInterface
    interface Visitor {
        void visit(int prefix, int length, int value);
    }

    int size() {
        return size;
    }

    int get(int prefix, int length) {
        long[] table = tables[length];
        if (table == null) {
            return NO_ROUTE;
        }
        int mask = table.length - 1;
        for (int i = home(prefix, mask); ; i = (i + 1) & mask) {
            long slot = table[i];
            if ((int) slot == NO_ROUTE) {
                return NO_ROUTE;
            }
            if ((int) (slot >>> 32) == prefix) {
                return (int) slot;
            }
        }
    }

    /** Adds or replaces a route; returns the previous value or NO_ROUTE. */
    int put(int prefix, int length, int value) {
        long[] table = tables[length];
        if (table == null) {
            table = newTable(MIN_CAPACITY);
            tables[length] = table;
        } else if ((counts[length] + 1) * 4L > table.length * 3L) {
            table = resize(length, table.length * 2);
        }
        int mask = table.length - 1;
        int i = home(prefix, mask);
        for (; (int) table[i] != NO_ROUTE; i = (i + 1) & mask) {
            if ((int) (table[i] >>> 32) == prefix) {
                int previous = (int) table[i];
                table[i] = slot(prefix, value);
                return previous;
            }
        }
        table[i] = slot(prefix, value);
        counts[length]++;
        lengthsInUse |= 1L << length;
        size++;
        return NO_ROUTE;
    }

    /** Removes a route; returns its value, or NO_ROUTE if there was none. */
    int remove(int prefix, int length) {
        long[] table = tables[length];
        if (table == null) {
            return NO_ROUTE;
        }
        int mask = table.length - 1;
        int hole = home(prefix, mask);
        for (; (int) (table[hole] >>> 32) != prefix; hole = (hole + 1) & mask) {
            if ((int) table[hole] == NO_ROUTE) {
                return NO_ROUTE;
            }
        }
        if ((int) table[hole] == NO_ROUTE) {
            return NO_ROUTE; // a free slot, whose prefix half (-1) looked like 255.255.255.255
        }
        int previous = (int) table[hole];
        for (int j = (hole + 1) & mask; (int) table[j] != NO_ROUTE; j = (j + 1) & mask) {
            int home = home((int) (table[j] >>> 32), mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = FREE;
        size--;
        if (--counts[length] == 0) {
            tables[length] = null;
            lengthsInUse &= ~(1L << length);
        } else if (table.length > MIN_CAPACITY && counts[length] * 8L < table.length) {
            resize(length, table.length / 2);
        }
        return previous;
    }

    /**
     * The longest route strictly shorter than {@code length} that covers {@code prefix}, packed as
     * {@code (long) length << 32 | value}, or -1 if none does.
     */
    long longestCovering(int prefix, int length) {
        long candidates = lengthsInUse & ((1L << length) - 1);
        while (candidates != 0) {
            int shorter = 63 - Long.numberOfLeadingZeros(candidates);
            int value = get(prefix & Ipv4Prefix.mask(shorter), shorter);
            if (value != NO_ROUTE) {
                return ((long) shorter << 32) | value;
            }
            candidates &= ~(1L << shorter);
        }
        return -1L;
    }

    /** Visits every route, shortest prefixes first (the cheapest order to rebuild a trie in). */
    void forEachByLength(Visitor visitor) {
        for (int length = 0; length < LENGTHS; length++) {
            long[] table = tables[length];
            if (table != null) {
                for (long slot : table) {
                    if ((int) slot != NO_ROUTE) {
                        visitor.visit((int) (slot >>> 32), length, (int) slot);
                    }
                }
            }
        }
    }

    /** Visits every route in address order, a shorter prefix before a longer one at one address. */
    void forEachSorted(Visitor visitor) {
        long[] keys = new long[size];
        int[] n = {0};
        forEachByLength((prefix, length, value) ->
                keys[n[0]++] = (Integer.toUnsignedLong(prefix) << 6) | length);
        Arrays.sort(keys);
        for (long key : keys) {
            int prefix = (int) (key >>> 6);
            int length = (int) (key & 63);
            visitor.visit(prefix, length, get(prefix, length));
        }
    }

    long memoryBytes() {
        long bytes = 32 + (16 + 4L * LENGTHS) + (16 + 4L * LENGTHS);
        for (long[] table : tables) {
            if (table != null) {
                bytes += 16 + 8L * table.length;
            }
        }
        return bytes;
    }

    private long[] resize(int length, int capacity) {
        long[] old = tables[length];
        long[] table = newTable(capacity);
        int mask = capacity - 1;
        for (long slot : old) {
            if ((int) slot != NO_ROUTE) {
                int i = home((int) (slot >>> 32), mask);
                while ((int) table[i] != NO_ROUTE) {
                    i = (i + 1) & mask;
                }
                table[i] = slot;
            }
        }
        tables[length] = table;
        return table;
    }

    private static long[] newTable(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, FREE);
        return table;
    }

    private static long slot(int prefix, int value) {
        return ((long) prefix << 32) | (value & 0xFFFF_FFFFL);
    }

    /** Fibonacci hashing: the top bits of prefix × 2^32/φ, which mixes the prefix's high bits too. */
    private static int home(int prefix, int mask) {
        return (prefix * 0x9E37_79B9) >>> Integer.numberOfLeadingZeros(mask);
    }
}
