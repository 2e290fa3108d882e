package org.netweave.dataplane.fib;

import java.util.Arrays;

/**
 * The forwarding structure behind {@link Ipv4RouteTable}: a leaf-pushed multibit trie whose nodes
 * all live in one {@code int[]} pool. The root consumes the first {@code rootBits} address bits,
 * every other node {@code stride} bits and has {@code 2^stride} entries; {@code rootBits} and
 * {@code stride} are fixed per instance and must add up to 32 in whole strides. An entry is one of
 * <ul>
 *   <li>a route's value ({@code >= 0}),</li>
 *   <li>{@link Ipv4RouteTable#NO_ROUTE} ({@code -1}), or</li>
 *   <li>{@code CHILD | base}: the pool offset of the child node ({@code <= -2}).</li>
 * </ul>
 * Because every node is leaf-pushed (an entry holds the value of the longest route covering it
 * in full), a lookup is one array read per level and stops at the first non-child entry.
 *
 * <p>Update bookkeeping lives beside the pool so that lookups touch only {@code entries}:
 * <ul>
 *   <li>{@code depths[i]}: the length + 1 of the route whose value entry {@code i} carries, 0 for
 *       none (DIR-24-8's per-entry depth). A route overwrites only entries whose depth is not
 *       greater than its own, and a delete resets only entries carrying its own depth, so
 *       overlapping prefixes can be added and removed in any order.</li>
 *   <li>{@code specifics[node]}: how many entries of a non-root node are children or carry a
 *       route longer than the node's own prefix. When it drops to zero, all its entries carry the
 *       same covering route, so the node is folded back into its parent entry and put on a free
 *       list threaded through the pool, where the next split reuses it.</li>
 * </ul>
 *
 * <p>Not thread-safe; see {@link Ipv4RouteTable} for the single-writer contract.
 */
final class MultibitTrie {
    static final int SMALL_ROOT_BITS = 8;
    static final int BIG_ROOT_BITS = 16;

    private static final int CHILD = Integer.MIN_VALUE;
    private static final int NO_ROUTE = Ipv4RouteTable.NO_ROUTE;
    private static final int NO_DEPTH = 0;
    private static final int NIL = -1;
    /** The largest pool an int[] can hold, rounded down to whole nodes. */
    private static final int MAX_ENTRIES = (Integer.MAX_VALUE - 64) & ~0xFF;

    private final int rootBits;
    private final int rootShift;
    private final int stride;
    private final int nodeEntries;
    private final int indexMask;
    private int[] entries;
    private byte[] depths;
    private short[] specifics;
    private int top;
    private int freeHead = NIL;
    private int nodes;

    /**
     * @param rootBits   {@link #SMALL_ROOT_BITS} or {@link #BIG_ROOT_BITS}
     * @param stride     bits per level below the root, dividing {@code 32 - rootBits}
     * @param spareNodes how many nodes to reserve beyond the root
     */
    MultibitTrie(int rootBits, int stride, int spareNodes) {
        if (stride < 1 || stride > 8 || rootBits < stride || (Integer.SIZE - rootBits) % stride != 0) {
            throw new IllegalArgumentException("root of " + rootBits + " bits and stride " + stride);
        }
        this.rootBits = rootBits;
        this.rootShift = Integer.SIZE - rootBits;
        this.stride = stride;
        this.nodeEntries = 1 << stride;
        this.indexMask = nodeEntries - 1;
        int rootEntries = 1 << rootBits;
        long capacity = Math.min(MAX_ENTRIES, rootEntries + (long) spareNodes * nodeEntries);
        entries = new int[(int) capacity];
        Arrays.fill(entries, 0, rootEntries, NO_ROUTE);
        depths = new byte[(int) capacity];
        specifics = new short[(int) capacity >>> stride];
        top = rootEntries;
    }

    /** Longest-prefix match: the value of the longest route covering {@code address}, or NO_ROUTE. */
    int lookup(int address) {
        int[] pool = entries;
        int step = stride;
        int mask = indexMask;
        int shift = rootShift;
        int entry = pool[address >>> shift];
        while (entry < NO_ROUTE) {
            shift -= step;
            entry = pool[(entry & ~CHILD) | ((address >>> shift) & mask)];
        }
        return entry;
    }

    /** Adds or replaces a route; the caller has validated it. */
    void insert(int prefix, int length, int value) {
        int depth = length + 1;
        int node = 0;
        int nodeLength = 0;
        int bits = rootBits;
        while (length > nodeLength + bits) {
            int slot = node | index(prefix, nodeLength, bits);
            int entry = entries[slot];
            if (entry >= NO_ROUTE) {
                entry = split(node, nodeLength, slot);
            }
            node = entry & ~CHILD;
            nodeLength += bits;
            bits = stride;
        }
        int first = node | index(prefix, nodeLength, bits);
        int end = first + (1 << (nodeLength + bits - length));
        for (int slot = first; slot < end; slot++) {
            int entry = entries[slot];
            if (entry < NO_ROUTE) {
                pushDown(entry & ~CHILD, value, depth);
            } else if (depths[slot] <= depth) {
                if (node != 0 && depths[slot] <= nodeLength + 1) {
                    specifics[node >>> stride]++;
                }
                entries[slot] = value;
                depths[slot] = (byte) depth;
            }
        }
    }

    /**
     * Removes a route that is known to be present, handing the entries it covered to the longest
     * remaining route that covers it.
     *
     * @param fallbackValue the covering route's value, or NO_ROUTE
     * @param fallbackDepth the covering route's length + 1, or 0
     */
    void remove(int prefix, int length, int fallbackValue, int fallbackDepth) {
        removeBelow(0, 0, rootBits, prefix, length, fallbackValue, fallbackDepth);
    }

    private void removeBelow(int node, int nodeLength, int bits, int prefix, int length,
                             int fallbackValue, int fallbackDepth) {
        if (length > nodeLength + bits) {
            int slot = node | index(prefix, nodeLength, bits);
            int entry = entries[slot];
            assert entry < NO_ROUTE : "no node below " + slot + " for a stored route";
            int child = entry & ~CHILD;
            removeBelow(child, nodeLength + bits, stride, prefix, length, fallbackValue, fallbackDepth);
            if (specifics[child >>> stride] == 0) {
                collapse(node, nodeLength, slot, child);
            }
            return;
        }
        int depth = length + 1;
        int first = node | index(prefix, nodeLength, bits);
        int end = first + (1 << (nodeLength + bits - length));
        for (int slot = first; slot < end; slot++) {
            int entry = entries[slot];
            if (entry < NO_ROUTE) {
                pullUp(entry & ~CHILD, depth, fallbackValue, fallbackDepth);
            } else if (depths[slot] == depth) {
                if (node != 0 && fallbackDepth <= nodeLength + 1) {
                    specifics[node >>> stride]--;
                }
                entries[slot] = fallbackValue;
                depths[slot] = (byte) fallbackDepth;
            }
        }
    }

    /**
     * Writes a route no longer than {@code node}'s own prefix into every entry of the subtree
     * that no more specific route claims. Such entries are not "specific", so no counter moves.
     */
    private void pushDown(int node, int value, int depth) {
        for (int slot = node, end = node + nodeEntries; slot < end; slot++) {
            int entry = entries[slot];
            if (entry < NO_ROUTE) {
                pushDown(entry & ~CHILD, value, depth);
            } else if (depths[slot] <= depth) {
                entries[slot] = value;
                depths[slot] = (byte) depth;
            }
        }
    }

    /** The inverse of {@link #pushDown}: hands the removed route's entries to its fallback. */
    private void pullUp(int node, int depth, int fallbackValue, int fallbackDepth) {
        for (int slot = node, end = node + nodeEntries; slot < end; slot++) {
            int entry = entries[slot];
            if (entry < NO_ROUTE) {
                pullUp(entry & ~CHILD, depth, fallbackValue, fallbackDepth);
            } else if (depths[slot] == depth) {
                entries[slot] = fallbackValue;
                depths[slot] = (byte) fallbackDepth;
            }
        }
    }

    /** Replaces the leaf at {@code slot} with a new node whose entries all inherit it. */
    private int split(int node, int nodeLength, int slot) {
        int child = allocate(entries[slot], depths[slot]);
        if (node != 0 && depths[slot] <= nodeLength + 1) {
            specifics[node >>> stride]++;
        }
        entries[slot] = CHILD | child;
        depths[slot] = NO_DEPTH;
        return CHILD | child;
    }

    /** Folds a node whose entries are all the same covering route back into its parent entry. */
    private void collapse(int node, int nodeLength, int slot, int child) {
        int value = entries[child];
        byte depth = depths[child];
        entries[slot] = value;
        depths[slot] = depth;
        entries[child] = freeHead;
        freeHead = child;
        nodes--;
        if (node != 0 && depth <= nodeLength + 1) {
            specifics[node >>> stride]--;
        }
    }

    private int allocate(int value, byte depth) {
        int node;
        if (freeHead != NIL) {
            node = freeHead;
            freeHead = entries[node];
        } else {
            if (top + nodeEntries > entries.length) {
                grow();
            }
            node = top;
            top += nodeEntries;
        }
        Arrays.fill(entries, node, node + nodeEntries, value);
        Arrays.fill(depths, node, node + nodeEntries, depth);
        specifics[node >>> stride] = 0;
        nodes++;
        return node;
    }

    /** Grows the pool by a quarter of its node area (at least two nodes), so big tables do not double. */
    private void grow() {
        int rootEntries = 1 << rootBits;
        long nodeArea = entries.length - rootEntries;
        long capacity = Math.min(MAX_ENTRIES,
                entries.length + Math.max(2L * nodeEntries, (nodeArea / 4) & ~indexMask));
        if (capacity < top + nodeEntries) {
            throw new IllegalStateException("IPv4 route table is full: " + nodes + " nodes");
        }
        entries = Arrays.copyOf(entries, (int) capacity);
        depths = Arrays.copyOf(depths, (int) capacity);
        specifics = Arrays.copyOf(specifics, (int) capacity >>> stride);
    }

    private static int index(int prefix, int nodeLength, int bits) {
        return (prefix >>> (Integer.SIZE - nodeLength - bits)) & ((1 << bits) - 1);
    }

    int rootBits() {
        return rootBits;
    }

    int stride() {
        return stride;
    }

    /** Live nodes below the root. */
    int nodeCount() {
        return nodes;
    }

    /** Entries in live nodes below the root. */
    long nodeEntryCount() {
        return (long) nodes << stride;
    }

    long memoryBytes() {
        return 48L + 16 + 4L * entries.length + 16 + depths.length + 16 + 2L * specifics.length;
    }

    /**
     * Walks the whole trie and throws if a counter, a depth or the node count disagrees with the
     * entries. Tests call it after every change; it is far too slow for anything else.
     */
    void checkInvariants() {
        int reachable = 0;
        for (int slot = 0; slot < 1 << rootBits; slot++) {
            if (entries[slot] < NO_ROUTE) {
                reachable += checkNode(entries[slot] & ~CHILD, rootBits, depths[slot]);
            }
        }
        int free = 0;
        for (int node = freeHead; node != NIL; node = entries[node]) {
            free++;
        }
        if (reachable != nodes || (top - (1 << rootBits)) / nodeEntries != nodes + free) {
            throw new IllegalStateException("node count " + nodes + " but " + reachable
                    + " reachable and " + free + " free");
        }
    }

    private int checkNode(int node, int nodeLength, int parentDepth) {
        if (parentDepth != NO_DEPTH) {
            throw new IllegalStateException("child entry above node " + node + " keeps a depth");
        }
        int count = 1;
        int specific = 0;
        long inherited = Long.MIN_VALUE;
        for (int slot = node; slot < node + nodeEntries; slot++) {
            if (entries[slot] < NO_ROUTE) {
                specific++;
                count += checkNode(entries[slot] & ~CHILD, nodeLength + stride, depths[slot]);
            } else {
                int depth = depths[slot];
                if (depth > nodeLength + stride + 1 || (depth == NO_DEPTH) != (entries[slot] == NO_ROUTE)) {
                    throw new IllegalStateException("entry " + slot + " has depth " + depth);
                }
                if (depth > nodeLength + 1) {
                    specific++;
                } else {
                    long route = ((long) depth << 32) | (entries[slot] & 0xFFFF_FFFFL);
                    if (inherited != Long.MIN_VALUE && inherited != route) {
                        throw new IllegalStateException("node " + node + " inherits two routes");
                    }
                    inherited = route;
                }
            }
        }
        if (specific != specifics[node >>> stride] || specific == 0) {
            throw new IllegalStateException("node " + node + " counts " + specifics[node >>> stride]
                    + " specific entries but has " + specific);
        }
        return count;
    }
}
