package org.netweave.hostagent;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationSink;
import org.netweave.dataplane.TraceContinuation;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.proto.manager.v1.TraceflowChannelGrpc;
import org.netweave.proto.manager.v1.TraceflowContinuation;
import org.netweave.proto.manager.v1.TraceflowHello;
import org.netweave.proto.manager.v1.TraceflowObservation;
import org.netweave.proto.manager.v1.TraceflowObservations;
import org.netweave.proto.manager.v1.TraceflowProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host agent's part in traceflow: it keeps the manager's probe stream open, injects each
 * probe at its vNIC through the datapath, and reports every observation the datapath makes of a
 * traced packet — the probes this host injected and those that only pass through it.
 *
 * <p>Observations arrive on the forwarding thread, which must never wait: they go into a bounded
 * queue (what does not fit is lost, logged, and a trace then shows fewer hops) and a report goes
 * out every {@link #FLUSH} from the agent's own thread.
 */
public final class TraceflowAgent implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TraceflowAgent.class);
    static final Duration FLUSH = Duration.ofMillis(20);
    private static final int QUEUE = 4_096;
    private static final int BATCH = 512;
    private static final long REPORT_DEADLINE_MS = 2_000;
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final HostId host;
    private final Channel manager;
    private final Datapath datapath;
    private final ArrayBlockingQueue<Observation> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ArrayBlockingQueue<TraceContinuation> continuations = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong lost = new AtomicLong();
    private final ScheduledThreadPoolExecutor thread;
    private volatile boolean closed;
    // Owned by the agent's thread.
    private Probes probes;
    private int failures;

    public TraceflowAgent(HostId host, Channel manager, Datapath datapath) {
        this.host = host;
        this.manager = manager;
        this.datapath = datapath;
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(host.value() + "-traceflow").daemon()
                .factory());
        thread.setRemoveOnCancelPolicy(true);
        // A resubscribe waiting out its backoff must not hold up close().
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    public void start() {
        datapath.setObservationSink(new ObservationSink() {
            @Override
            public void observe(Observation observation) {
                observed(observation);
            }

            @Override
            public void continueAt(TraceContinuation continuation) {
                if (!continuations.offer(continuation)) {
                    lost.incrementAndGet();
                }
            }
        });
        thread.execute(this::subscribe);
        thread.scheduleWithFixedDelay(AgentTasks.guarded(LOG, host, "a traceflow report", this::flush), FLUSH.toMillis(),
                FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void observed(Observation observation) {
        if (!queue.offer(observation)) {
            lost.incrementAndGet();
        }
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        probes = new Probes();
        TraceflowChannelGrpc.newStub(manager).probes(TraceflowHello.newBuilder().setHostId(host.value()).build(), probes);
    }

    private void inject(TraceflowProbe probe) {
        try {
            if (!probe.getFromVtep().isEmpty()) {
                datapath.continueTraced(new TraceContinuation(probe.getTraceId(), Ipv4Address.parse(probe.getFromVtep()),
                        datapath.config().vtepIp(), Vni.of(probe.getVni()), probe.getFrame().toByteArray()));
                LOG.debug("{}: traced probe {} on from the tunnel from {}", host, probe.getTraceId(), probe.getFromVtep());
                return;
            }
            datapath.injectTraced(PortId.of(probe.getPortId()), probe.getFrame().toByteArray(), probe.getTraceId());
            LOG.debug("{}: injected traceflow probe {} at {}", host, probe.getTraceId(), probe.getPortId());
        } catch (RuntimeException e) {
            // A refused port or trace id, a backend that cannot trace, a datapath shutting down:
            // the trace should say so rather than wait out its timeout.
            LOG.info("{}: could not inject traceflow probe {} at {}: {}", host, probe.getTraceId(), probe.getPortId(),
                    e.getMessage());
            report(TraceflowObservations.newBuilder().setHostId(host.value()).setFailedTraceId(probe.getTraceId())
                    .setFailure(e.getMessage() == null ? e.toString() : e.getMessage()).build());
        }
    }

    private void flush() {
        long dropped = lost.getAndSet(0);
        if (dropped > 0) {
            LOG.warn("{}: {} traceflow observations did not fit in the queue; traces show fewer hops", host, dropped);
        }
        if (queue.isEmpty() && continuations.isEmpty()) {
            return;
        }
        List<Observation> batch = new ArrayList<>();
        List<TraceContinuation> onward = new ArrayList<>();
        // Observations before the continuations they led to, so the manager has this host's hops first.
        while (queue.drainTo(batch, BATCH) > 0 | continuations.drainTo(onward, BATCH) > 0) {
            TraceflowObservations.Builder report = TraceflowObservations.newBuilder().setHostId(host.value());
            batch.forEach(o -> report.addObservations(toProto(o)));
            onward.forEach(c -> report.addContinuations(TraceflowContinuation.newBuilder().setTraceId(c.traceId())
                    .setFromVtep(c.fromVtep().toString()).setToVtep(c.toVtep().toString()).setVni(c.vni().value())
                    .setFrame(ByteString.copyFrom(c.frame()))));
            report(report.build());
            batch.clear();
            onward.clear();
        }
    }

    private void report(TraceflowObservations report) {
        try {
            TraceflowChannelGrpc.newBlockingStub(manager).withDeadlineAfter(REPORT_DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .report(report);
        } catch (StatusRuntimeException e) {
            LOG.debug("{}: a traceflow report was lost: {}", host, e.getStatus());
        }
    }

    static TraceflowObservation toProto(Observation o) {
        TraceflowObservation.Builder b = TraceflowObservation.newBuilder().setTraceId(o.traceId())
                .setKind(o.kind().name()).setComponent(o.component().name()).setComponentName(o.componentName())
                .setVni(o.vni()).setNanoTime(o.nanoTime());
        if (o.lif() != null) {
            b.setLif(o.lif());
        }
        if (o.decidedBy() != null) {
            b.setDecidedBy(o.decidedBy());
        }
        if (o.dropReason() != null) {
            b.setDropReason(o.dropReason().name());
        }
        return b.build();
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: nothing to do with it.
        }
    }

    private void lostStream(Probes stream, Throwable cause) {
        if (closed || probes != stream) {
            return;
        }
        failures++;
        Duration wait = RESUBSCRIBE.after(failures, ThreadLocalRandom.current().nextDouble());
        LOG.debug("{}: traceflow probe stream ended ({}); again in {} ms", host,
                cause == null ? "the manager ended it" : cause.getMessage(), wait.toMillis());
        thread.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        datapath.setObservationSink(ObservationSink.NONE);
        onThread(() -> {
            if (probes != null) {
                probes.cancel();
            }
            flush(); // what was observed before the close still belongs to its traces
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One Probes call; callbacks of a call that has been replaced are ignored. */
    private final class Probes implements ClientResponseObserver<TraceflowHello, TraceflowProbe> {
        private ClientCallStreamObserver<TraceflowHello> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<TraceflowHello> requestStream) {
            call = requestStream;
        }

        void cancel() {
            if (call != null) {
                call.cancel("traceflow agent closed", null);
            }
        }

        @Override
        public void onNext(TraceflowProbe probe) {
            onThread(() -> {
                failures = 0;
                inject(probe);
            });
        }

        @Override
        public void onError(Throwable t) {
            onThread(() -> lostStream(this, t));
        }

        @Override
        public void onCompleted() {
            onThread(() -> lostStream(this, null));
        }
    }
}
