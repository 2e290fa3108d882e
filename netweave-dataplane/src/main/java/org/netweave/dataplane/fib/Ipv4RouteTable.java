package org.netweave.dataplane.fib;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * The IPv4 forwarding table (FIB) of one distributed logical router instance on one host:
 * prefixes mapped to a value, the index of a next hop in the router's next-hop array, with a
 * longest-prefix-match {@link #lookup} for the routed pipeline.
 *
 * <h2>Structure</h2>
 * A leaf-pushed multibit trie ({@link MultibitTrie}) in one {@code int[]} pool of fixed-size
 * nodes. Every entry holds the value of the longest route that covers it in full,
 * {@link #NO_ROUTE}, or a child pointer, so a lookup is one dependent array read per level, stops
 * at the first leaf, never backtracks and allocates nothing. The trie has one of two shapes:
 * <ul>
 *   <li><b>Small</b> (every table starts so): an 8-bit root (256 entries), then 4 bits per level
 *       (16-entry nodes of 80 bytes). A /24 is five reads and a /32 seven, but a table this size
 *       sits in the L1 cache, and it stays tiny: a default route and a handful of LIF subnets take
 *       about 2.5 KiB, ten routes scattered over the address space about 5.2 KiB.</li>
 *   <li><b>Big</b>: a 16-bit root (64Ki entries, 320 KiB), then 8 bits per level (256-entry
 *       nodes): a /16 or shorter is one read, a /17–/24 two, a /25–/32 three. Cache misses are
 *       what a big table pays for, so it pays for as few levels as possible.</li>
 * </ul>
 * A table turns big when its small nodes hold {@value #BIG_ROOT_AT_ENTRIES} entries (about
 * 320 KiB, as much as the big root) and small again when its big nodes hold fewer than
 * {@value #SMALL_ROOT_BELOW_ENTRIES}. Each switch rebuilds the trie from the stored routes once;
 * the gap between the thresholds (and a lowered threshold after a shrink that would not have
 * stayed small) keeps a table from flapping. On uniformly spread Internet-like prefixes (the
 * worst case for a trie) {@code RouteLookupBenchmark} in netweave-bench measured, per lookup in a
 * batch: 6.8 ns with 1k routes (small, 290 KiB), 5.4 ns with 100k (big, 68 MiB) and 6.2 ns with
 * 1M (big, 144 MiB), against 110–1,100 ns for one hash table per prefix length.
 *
 * <p>Why this and not the alternatives, for a host with up to 1,000 router instances, most with a
 * handful of routes and a few with 100k or more:
 * <ul>
 *   <li><b>DIR-24-8</b> (DPDK {@code rte_lpm}) does one or two reads but costs 64 MiB per table
 *       before the first route: impossible a thousand times over. The big shape is the same
 *       idea scaled to what a big table can afford, paid for only by big tables.</li>
 *   <li><b>One shape for all</b>: 8-bit strides throughout make a ten-route table 7–37 KiB.
 *       A 16-bit root with 4-bit strides holds 100k routes in 17 MiB instead of 68 MiB but
 *       looks up 1.4–1.7x slower (measured); {@link #BIG_STRIDE} is the knob if memory of
 *       100k-route tables ever matters more than their speed.</li>
 *   <li><b>Binary and level-compressed tries</b> (Linux {@code fib_trie}) chase up to a few dozen
 *       dependent pointers per lookup.</li>
 *   <li><b>Poptrie and Tree Bitmap</b> are several times smaller for huge tables, but their
 *       compressed nodes turn a route change into a rebuild of a node's whole subtree and need
 *       a variable-size allocator. Fixed nodes keep deltas simple and incremental; if the memory
 *       of very big tables ever matters more than update simplicity, Poptrie is the next step.</li>
 *   <li><b>One hash table per prefix length</b>, the obvious first version, probes up to 25
 *       lengths on a realistic table (100–1,400 ns per lookup); the benchmark keeps it as the
 *       baseline.</li>
 * </ul>
 *
 * <h2>Updates</h2>
 * Route deltas apply incrementally. Each entry remembers the length of the route it carries
 * (DIR-24-8's depth), so a route overwrites only entries that no more specific route claims and
 * a delete hands exactly its own entries to the next covering route, whatever the order of
 * overlapping inserts and deletes. A node whose entries all fall back to one covering route is
 * folded into its parent and reused through a free list. The cost of a change is the number of
 * entries the route covers: one write for a /24 in a big table, and for a default route every
 * entry of the trie (tens of milliseconds at a million routes, as in DIR-24-8). The routes
 * themselves live in a {@link RouteStore} (one hash table per length) that answers {@link #get},
 * {@link #forEach} and which route covers a deleted one.
 *
 * <h2>Memory</h2>
 * {@link #memoryBytes()} reports the current figure. The pool does not shrink except when the
 * trie turns small again, so a table that once was bigger keeps its free nodes for the next burst
 * of routes.
 *
 * <h2>Threads</h2>
 * Single writer, single reader: every call, reads and writes alike, happens on the host's
 * forwarding thread that owns the router instance, so there is no locking, no volatile and no
 * copy-on-write. Route deltas from the controller must be handed to that thread (for example
 * through its event loop); sharing an instance between threads is a bug.
 */
public final class Ipv4RouteTable {
    /** What {@link #lookup} and {@link #get} return when no route matches. */
    public static final int NO_ROUTE = -1;

    static final int SMALL_STRIDE = 4;
    static final int BIG_STRIDE = 8;
    static final long BIG_ROOT_AT_ENTRIES = 1 << 16;
    static final long SMALL_ROOT_BELOW_ENTRIES = 1 << 14;
    private static final int SPARE_NODES = 2;

    private RouteStore routes = new RouteStore();
    private MultibitTrie trie;
    /** False only in tests that pin one trie shape. */
    private final boolean adaptive;
    /** Lowered after a shrink that would not have stayed small, so that it is not retried per delta. */
    private long smallRootBelowEntries = SMALL_ROOT_BELOW_ENTRIES;

    /** An empty table. */
    public Ipv4RouteTable() {
        this(MultibitTrie.SMALL_ROOT_BITS, SMALL_STRIDE, true);
    }

    private Ipv4RouteTable(int rootBits, int stride, boolean adaptive) {
        this.trie = new MultibitTrie(rootBits, stride, SPARE_NODES);
        this.adaptive = adaptive;
    }

    /** A table that keeps one trie shape whatever its size, so tests can drive every shape. */
    static Ipv4RouteTable withFixedShape(int rootBits, int stride) {
        return new Ipv4RouteTable(rootBits, stride, false);
    }

    /** Receives the routes of a table, one call each. */
    @FunctionalInterface
    public interface RouteConsumer {
        void accept(int prefix, int length, int value);
    }

    /**
     * The value of the longest route that contains {@code address}, or {@link #NO_ROUTE}.
     * Allocation-free; a few dependent array reads.
     */
    public int lookup(int address) {
        return trie.lookup(address);
    }

    /**
     * Adds a route, or replaces the value of the route with the same prefix and length.
     *
     * @param prefix network address, host bits zero (first octet most significant)
     * @param length prefix length 0–32
     * @param value  next-hop index, {@code >= 0}
     * @throws InvalidValueException naming {@code prefix}, {@code prefixLength} or {@code value}
     */
    public void put(int prefix, int length, int value) {
        validate(prefix, length);
        if (value < 0) {
            throw new InvalidValueException("value", value, "is negative (expected a next-hop index >= 0)");
        }
        if (routes.put(prefix, length, value) == value) {
            return;
        }
        trie.insert(prefix, length, value);
        adaptRoot();
    }

    public void put(Ipv4Prefix prefix, int value) {
        put(prefix.address().value(), prefix.length(), value);
    }

    /** Removes the route with exactly this prefix and length; false if there was none. */
    public boolean remove(int prefix, int length) {
        validate(prefix, length);
        if (routes.remove(prefix, length) == NO_ROUTE) {
            return false;
        }
        long cover = routes.longestCovering(prefix, length);
        if (cover < 0) {
            trie.remove(prefix, length, NO_ROUTE, 0);
        } else {
            trie.remove(prefix, length, (int) cover, (int) (cover >>> 32) + 1);
        }
        adaptRoot();
        return true;
    }

    public boolean remove(Ipv4Prefix prefix) {
        return remove(prefix.address().value(), prefix.length());
    }

    /** Exact match: the value of the route with this prefix and length, or {@link #NO_ROUTE}. */
    public int get(int prefix, int length) {
        validate(prefix, length);
        return routes.get(prefix, length);
    }

    public int get(Ipv4Prefix prefix) {
        return get(prefix.address().value(), prefix.length());
    }

    /** Removes every route and returns the table to its empty size. */
    public void clear() {
        routes = new RouteStore();
        trie = adaptive ? new MultibitTrie(MultibitTrie.SMALL_ROOT_BITS, SMALL_STRIDE, SPARE_NODES)
                : new MultibitTrie(trie.rootBits(), trie.stride(), SPARE_NODES);
        smallRootBelowEntries = SMALL_ROOT_BELOW_ENTRIES;
    }

    /** The number of routes. */
    public int size() {
        return routes.size();
    }

    /** Approximate heap bytes held by this table: the trie pool, its bookkeeping and the routes. */
    public long memoryBytes() {
        return 24 + trie.memoryBytes() + routes.memoryBytes();
    }

    /**
     * Visits every route in ascending address order, a shorter prefix before a longer one at the
     * same address, for dumps and golden tests. Allocates a sort buffer: not for the packet path.
     */
    public void forEach(RouteConsumer consumer) {
        routes.forEachSorted(consumer::accept);
    }

    @Override
    public String toString() {
        return "Ipv4RouteTable[routes=" + size() + ", root=" + trie.rootBits() + " bits, stride=" + trie.stride()
                + " bits, nodes=" + trie.nodeCount() + ", bytes=" + memoryBytes() + "]";
    }

    /** The trie, for white-box tests of its invariants. */
    MultibitTrie trie() {
        return trie;
    }

    private void adaptRoot() {
        if (!adaptive) {
            return;
        }
        long area = trie.nodeEntryCount();
        if (trie.rootBits() == MultibitTrie.SMALL_ROOT_BITS && area >= BIG_ROOT_AT_ENTRIES) {
            trie = rebuild(MultibitTrie.BIG_ROOT_BITS, BIG_STRIDE, area >>> BIG_STRIDE);
            smallRootBelowEntries = SMALL_ROOT_BELOW_ENTRIES;
        } else if (trie.rootBits() == MultibitTrie.BIG_ROOT_BITS && area < smallRootBelowEntries) {
            MultibitTrie small = rebuild(MultibitTrie.SMALL_ROOT_BITS, SMALL_STRIDE, 2 * (area >>> SMALL_STRIDE));
            if (small.nodeEntryCount() < BIG_ROOT_AT_ENTRIES / 2) {
                trie = small;
            } else {
                smallRootBelowEntries = area / 2;
            }
        }
    }

    private MultibitTrie rebuild(int rootBits, int stride, long spareNodes) {
        MultibitTrie rebuilt = new MultibitTrie(rootBits, stride, (int) Math.min(spareNodes + SPARE_NODES, 1 << 24));
        routes.forEachByLength(rebuilt::insert);
        return rebuilt;
    }

    private static void validate(int prefix, int length) {
        if (length < 0 || length > 32) {
            throw new InvalidValueException("prefixLength", length, "is outside 0-32");
        }
        int network = prefix & Ipv4Prefix.mask(length);
        if (network != prefix) {
            throw new InvalidValueException("prefix", Ipv4Address.toString(prefix) + "/" + length,
                    "has host bits set (did you mean " + Ipv4Address.toString(network) + "/" + length + "?)");
        }
    }
}
