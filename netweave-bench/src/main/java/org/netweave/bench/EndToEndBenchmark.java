package org.netweave.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.dataplane.emulated.SeedTopology;
import org.netweave.dataplane.emulated.UdpSendReport;
import org.netweave.model.Ipv4Address;

/**
 * End to end over real sockets: VM1 on host A sends UDP with 64-byte payloads to VM2 on host B,
 * routed by host A's DLR instance and carried as VXLAN over real UDP between the two emulated
 * hosts (the seed topology, two hosts in one JVM, each with its own forwarding thread).
 *
 * <p>It looks for the highest loss-free rate by binary search over trials of a few seconds: a
 * trial passes if VM2 counted every datagram VM1 sent and VM1 really sent at the rate asked
 * for. Then it pings VM2 from VM1 sequentially (one echo request per millisecond, each answered
 * well before the next leaves) and reports the round-trip time percentiles, after a warm-up
 * round of pings that is not counted.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp netweave-bench/target/benchmarks.jar \
 *     org.netweave.bench.EndToEndBenchmark [trialSeconds] [maxRatePps] [pings] [vxlanPort]
 * </pre>
 */
public final class EndToEndBenchmark {
    private static final int DST_PORT = 5001;
    private static final int PAYLOAD_LENGTH = 64;
    private static final long MIN_RATE = 10_000;
    /** The search stops when the bracket is narrower than this fraction of the best passing rate. */
    private static final double PRECISION = 0.02;
    /** A sender that reached less than this share of the asked rate did not test that rate. */
    private static final double SENDER_TOLERANCE = 0.98;
    private static final long DRAIN_QUIET_MILLIS = 300;
    /** Pings before the measured ones, so the ping path runs compiled like the forwarding path. */
    private static final int PING_WARM_UP = 500;

    private final EmulatedEndpoint vm1;
    private final EmulatedEndpoint vm2;
    private final Ipv4Address target;
    private final int trialSeconds;

    private record Trial(long rate, UdpSendReport sent, long delivered) {
        boolean passed() {
            return delivered == sent.sent() && sent.ratePps() >= SENDER_TOLERANCE * rate;
        }

        double deliveredPps() {
            return delivered * 1e9 / sent.elapsedNanos();
        }
    }

    private EndToEndBenchmark(SeedTopology seed, int trialSeconds) {
        this.vm1 = seed.vm1();
        this.vm2 = seed.vm2();
        this.target = vm2.address().address();
        this.trialSeconds = trialSeconds;
    }

    public static void main(String[] args) throws Exception {
        int trialSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long maxRate = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int pings = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int vxlanPort = args.length > 3 ? Integer.parseInt(args[3]) : 24_789;
        try (SeedTopology seed = SeedTopology.build(2, vxlanPort)) {
            EndToEndBenchmark bench = new EndToEndBenchmark(seed, trialSeconds);
            bench.trial(MIN_RATE * 10, 1); // warm-up: ARP, JIT
            Trial best = bench.searchLossFreeRate(maxRate);
            System.out.printf("%nloss-free: %.0f pps delivered (asked %d pps, %d datagrams of %d-byte payload)%n",
                    best.deliveredPps(), best.rate(), best.delivered(), PAYLOAD_LENGTH);
            bench.ping(PING_WARM_UP, false);
            bench.ping(pings, true);
        }
    }

    private Trial searchLossFreeRate(long maxRate) throws Exception {
        Trial best = trial(MIN_RATE, trialSeconds);
        if (!best.passed()) {
            throw new IllegalStateException("even " + MIN_RATE + " pps loses packets: " + best);
        }
        long lo = MIN_RATE;
        long hi = maxRate;
        while (hi - lo > PRECISION * lo) {
            long mid = (lo + hi) / 2;
            Trial t = trial(mid, trialSeconds);
            if (t.passed()) {
                lo = mid;
                best = t;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    private Trial trial(long rate, int seconds) throws Exception {
        long before = vm2.udp().packets();
        UdpSendReport sent = vm1.sendUdp(target, DST_PORT, PAYLOAD_LENGTH, rate * seconds, rate)
                .get(seconds * 10L + 10, TimeUnit.SECONDS);
        long delivered = waitUntilQuiet(before + sent.sent()) - before;
        Trial t = new Trial(rate, sent, delivered);
        System.out.printf("asked %8d pps: sent at %9.0f pps, delivered %9d of %9d (%s)%n", rate, sent.ratePps(),
                delivered, sent.sent(), t.passed() ? "pass" : delivered < sent.sent() ? "loss" : "sender behind");
        return t;
    }

    /** VM2's packet count once it reached {@code expected} or stopped growing. */
    private long waitUntilQuiet(long expected) throws InterruptedException {
        long last = -1;
        long count = vm2.udp().packets();
        while (count < expected && count != last) {
            last = count;
            Thread.sleep(DRAIN_QUIET_MILLIS);
            count = vm2.udp().packets();
        }
        return count;
    }

    /** Pings {@code count} times; prints the RTT percentiles if {@code report}, else only compiles the ping path. */
    private void ping(int count, boolean report) throws Exception {
        PingResult result = vm1.ping(target, count, 1, 1_000).get(count / 100 + 30, TimeUnit.SECONDS);
        List<Long> rtts = result.rttNanos().stream().sorted().toList();
        if (rtts.isEmpty()) {
            throw new IllegalStateException("no ping replies: " + result);
        }
        if (!report) {
            return;
        }
        System.out.printf("ping: %d/%d replies, RTT p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", result.received(),
                result.sent(), percentile(rtts, 50) / 1e6, percentile(rtts, 99) / 1e6, rtts.getLast() / 1e6);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
