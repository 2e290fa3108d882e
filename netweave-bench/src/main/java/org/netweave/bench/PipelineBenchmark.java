package org.netweave.bench;

import java.util.concurrent.TimeUnit;
import org.netweave.dataplane.emulated.ForwardingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routed east-west pipeline on one thread: a VM frame enters {@link ForwardingEngine} and a
 * VXLAN packet leaves (outer Ethernet/IPv4/UDP/VXLAN written, inner MACs rewritten, TTL and
 * checksum updated). Throughput in operations per microsecond is millions of packets per second.
 *
 * <p>Each operation first copies the flow's frame from its template into the engine's work
 * buffer at {@link ForwardingEngine#HEADROOM}: that stands for the NIC's DMA, and is needed
 * because the pipeline rewrites the frame in place. The {@link CountingWire} only counts.
 * Each {@code @Setup} sends every flow once and fails unless it came out as the routed VXLAN
 * packet it must be (VTEP, VNI, inner MACs, TTL, checksums), so no case measures a drop path.
 * <ul>
 *   <li>{@code oneFlow}: VM1 (VNI 5000) to VM2 10.0.2.10 (VNI 5001) behind a remote VTEP.</li>
 *   <li>{@code mix}: {@link OverlayShape#MIX} — 100 switches, 1,000 VMs behind 50 remote VTEPs,
 *       100,000 Internet-like routes, 10,000 flows (10% via static routes), cycled in turn.</li>
 * </ul>
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be about 0 B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {

    /** The engine with its flows, verified once per trial. */
    public abstract static class Traffic {
        private final OverlayShape shape;
        private ForwardingEngine engine;
        private CountingWire wire;
        private RoutedFlows flows;
        private final byte[] work = new byte[ForwardingEngine.HEADROOM + 2048];
        private int next;

        Traffic(OverlayShape shape) {
            this.shape = shape;
        }

        @Setup(Level.Trial)
        public void setUp() {
            RoutedOverlay overlay = new RoutedOverlay(shape);
            flows = new RoutedFlows(overlay, 42);
            flows.verify(overlay);
            engine = overlay.engine;
            wire = overlay.wire;
        }

        /** Copies the next flow's frame in (the "DMA") and forwards it; returns the wire's byte count. */
        long forwardNext() {
            int f = next;
            next = f + 1 == flows.count ? 0 : f + 1;
            int len = flows.lengths[f];
            System.arraycopy(flows.frames[f], 0, work, ForwardingEngine.HEADROOM, len);
            engine.fromPort(flows.ports[f], work, ForwardingEngine.HEADROOM, len);
            return wire.bytes;
        }
    }

    @State(Scope.Thread)
    public static class OneFlow extends Traffic {
        public OneFlow() {
            super(OverlayShape.ONE_FLOW);
        }
    }

    @State(Scope.Thread)
    public static class Mix extends Traffic {
        public Mix() {
            super(OverlayShape.MIX);
        }
    }

    @Benchmark
    public long oneFlow(OneFlow traffic) {
        return traffic.forwardNext();
    }

    @Benchmark
    public long mix(Mix traffic) {
        return traffic.forwardNext();
    }
}
