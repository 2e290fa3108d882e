package org.netweave.bench;

import java.util.concurrent.TimeUnit;
import org.netweave.dataplane.fib.Ipv4RouteTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Longest-prefix match of {@link Ipv4RouteTable} against {@link NaiveRouteTable} on the same
 * Internet-like tables and the same destinations, in ns per lookup.
 *
 * <p>Each invocation looks up a batch of {@value #BATCH} destinations taken in turn from a
 * working set of {@value #WORKING_SET} (90% inside a route, 10% uniformly random), so a big
 * table is walked all over as real traffic would, not through a few hot cache lines.
 * <ul>
 *   <li>{@code *Batch}: independent lookups, as a forwarding thread runs them over a burst of
 *       packets; the CPU may overlap their cache misses. The results are summed and the sum
 *       goes to the {@link Blackhole}, so no lookup can be dropped as dead code.</li>
 *   <li>{@code *Dependent}: each destination is XORed with the previous result ANDed with a
 *       field that holds 0, so lookups run strictly one after another: the latency of one.</li>
 * </ul>
 * The {@code @Setup} prints build time and memory of each table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RouteLookupBenchmark {
    static final int BATCH = 1024;
    static final int WORKING_SET = 1 << 16;
    private static final int HIT_PERCENT = 90;

    @Param({"1000", "100000", "1000000"})
    int routes;

    private Ipv4RouteTable trie;
    private NaiveRouteTable naive;
    private int[] destinations;
    private int cursor;
    /** Always 0, but the JIT cannot know: it chains each dependent lookup to the one before. */
    private int zero;

    @Setup(Level.Trial)
    public void setUp() {
        InternetLikeRoutes table = InternetLikeRoutes.generate(routes, 2024);
        long start = System.nanoTime();
        trie = new Ipv4RouteTable();
        for (int i = 0; i < table.size(); i++) {
            trie.put(table.prefixes()[i], table.lengths()[i], table.values()[i]);
        }
        long trieNanos = System.nanoTime() - start;
        start = System.nanoTime();
        naive = new NaiveRouteTable();
        for (int i = 0; i < table.size(); i++) {
            naive.put(table.prefixes()[i], table.lengths()[i], table.values()[i]);
        }
        long naiveNanos = System.nanoTime() - start;
        destinations = table.destinations(WORKING_SET, HIT_PERCENT, 7);
        int hits = 0;
        for (int address : destinations) {
            int expected = naive.lookup(address);
            if (trie.lookup(address) != expected) {
                throw new IllegalStateException("trie and naive disagree on " + address);
            }
            hits += expected >= 0 ? 1 : 0;
        }
        System.out.printf("%n# %d routes: %s, %.1f B/route, built in %d ms (%d ns/route); naive built in %d ms;"
                        + " %d%% of destinations match%n",
                routes, trie, (double) trie.memoryBytes() / routes, trieNanos / 1_000_000, trieNanos / routes,
                naiveNanos / 1_000_000, hits * 100 / WORKING_SET);
    }

    private int nextBatch() {
        int from = cursor;
        cursor = (from + BATCH) & (WORKING_SET - 1);
        return from;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void trieBatch(Blackhole blackhole) {
        Ipv4RouteTable table = trie;
        int[] addresses = destinations;
        int from = nextBatch();
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            sum += table.lookup(addresses[i]);
        }
        blackhole.consume(sum);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void naiveBatch(Blackhole blackhole) {
        NaiveRouteTable table = naive;
        int[] addresses = destinations;
        int from = nextBatch();
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            sum += table.lookup(addresses[i]);
        }
        blackhole.consume(sum);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void trieDependent(Blackhole blackhole) {
        Ipv4RouteTable table = trie;
        int[] addresses = destinations;
        int chain = zero;
        int from = nextBatch();
        int result = 0;
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            result = table.lookup(addresses[i] ^ (result & chain));
            sum += result;
        }
        blackhole.consume(sum);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void naiveDependent(Blackhole blackhole) {
        NaiveRouteTable table = naive;
        int[] addresses = destinations;
        int chain = zero;
        int from = nextBatch();
        int result = 0;
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            result = table.lookup(addresses[i] ^ (result & chain));
            sum += result;
        }
        blackhole.consume(sum);
    }
}
