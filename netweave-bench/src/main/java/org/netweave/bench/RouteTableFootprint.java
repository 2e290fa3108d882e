package org.netweave.bench;

import java.util.Locale;
import org.netweave.dataplane.fib.Ipv4RouteTable;
import org.netweave.model.Ipv4Prefix;

/**
 * Prints what JMH does not measure: build, churn and delete times, {@link Ipv4RouteTable#memoryBytes()}
 * next to the heap actually retained, the naive table's heap for comparison, and the total for a
 * host with 1,000 router instances. Run it from the benchmarks jar:
 * {@code java -Xms4g -Xmx4g -cp netweave-bench/target/benchmarks.jar org.netweave.bench.RouteTableFootprint}.
 */
public final class RouteTableFootprint {
    private RouteTableFootprint() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        Ipv4RouteTable dlr = dlrLike();
        System.out.printf("DLR-like table, %d routes (default, 8 LIF /24s, a /16): %,d bytes%n",
                dlr.size(), dlr.memoryBytes());

        for (int count : new int[] {10, 1_000, 100_000, 1_000_000}) {
            InternetLikeRoutes routes = InternetLikeRoutes.generate(count, 2024);
            long before = usedHeap();
            long start = System.nanoTime();
            Ipv4RouteTable table = build(routes);
            long nanos = System.nanoTime() - start;
            long heap = usedHeap() - before;
            before = usedHeap();
            NaiveRouteTable naive = buildNaive(routes);
            long naiveHeap = usedHeap() - before;
            System.out.printf("%,9d Internet-like routes: memoryBytes %,13d (%6.1f B/route), heap %,13d;"
                            + " naive heap %,13d; built in %,6d ms (%d ns/route)  %s%n",
                    count, table.memoryBytes(), (double) table.memoryBytes() / count, heap, naiveHeap,
                    nanos / 1_000_000, nanos / count, table);
            if (naive.lookup(routes.prefixes()[0]) != table.lookup(routes.prefixes()[0])) {
                throw new IllegalStateException("tables disagree");
            }
        }

        InternetLikeRoutes million = InternetLikeRoutes.generate(1_000_000, 2024);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            Ipv4RouteTable table = build(million);
            long built = System.nanoTime() - start;
            start = System.nanoTime();
            int churn = 100_000;
            for (int i = 0; i < churn; i++) {
                table.remove(million.prefixes()[i], million.lengths()[i]);
                table.put(million.prefixes()[i], million.lengths()[i], million.values()[i] ^ 1);
            }
            long churned = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < million.size(); i++) {
                table.remove(million.prefixes()[i], million.lengths()[i]);
            }
            long deleted = System.nanoTime() - start;
            System.out.printf("1M routes, round %d: insert all %,d ms; %,d deltas (remove + put) at %,d ns each;"
                            + " delete all %,d ms; left %s%n",
                    round, built / 1_000_000, 2 * churn, churned / (2 * churn), deleted / 1_000_000, table);
        }

        long total = 0;
        for (int i = 0; i < 997; i++) {
            total += dlrLike().memoryBytes();
        }
        total += 2 * build(InternetLikeRoutes.generate(100_000, 1)).memoryBytes();
        total += build(million).memoryBytes();
        System.out.printf("Host with 997 DLR-like routers, two of 100k and one of 1M routes: %,d bytes%n", total);
    }

    private static Ipv4RouteTable dlrLike() {
        Ipv4RouteTable table = new Ipv4RouteTable();
        table.put(0, 0, 0);
        for (int lif = 1; lif <= 8; lif++) {
            table.put(Ipv4Prefix.parse("10.0." + lif + ".0/24"), lif);
        }
        table.put(Ipv4Prefix.parse("172.16.0.0/16"), 9);
        return table;
    }

    private static Ipv4RouteTable build(InternetLikeRoutes routes) {
        Ipv4RouteTable table = new Ipv4RouteTable();
        for (int i = 0; i < routes.size(); i++) {
            table.put(routes.prefixes()[i], routes.lengths()[i], routes.values()[i]);
        }
        return table;
    }

    private static NaiveRouteTable buildNaive(InternetLikeRoutes routes) {
        NaiveRouteTable table = new NaiveRouteTable();
        for (int i = 0; i < routes.size(); i++) {
            table.put(routes.prefixes()[i], routes.lengths()[i], routes.values()[i]);
        }
        return table;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
