package org.netweave.hostagent;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.model.HostId;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the datapath's counters to the manager every {@link #INTERVAL}, for its {@code /metrics}.
 * The counters are totals since the datapath started, so a lost report loses nothing but time.
 */
final class CountersReporter implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CountersReporter.class);
    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final long DEADLINE_MS = 2_000;

    private final HostId host;
    private final Channel manager;
    private final Datapath datapath;
    private final ScheduledExecutorService thread;

    CountersReporter(HostId host, Channel manager, Datapath datapath) {
        this.host = host;
        this.manager = manager;
        this.datapath = datapath;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(host.value() + "-counters")
                .daemon().factory());
    }

    void start() {
        thread.scheduleWithFixedDelay(this::report, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            HostConfigChannelGrpc.newBlockingStub(manager).withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .reportCounters(toProto(host, datapath.counters()));
        } catch (StatusRuntimeException e) {
            LOG.debug("{}: counters not reported: {}", host, e.getStatus());
        } catch (RuntimeException e) {
            LOG.debug("{}: counters not read: {}", host, e.toString());
        }
    }

    static HostCounters toProto(HostId host, DatapathCounters c) {
        HostCounters.Builder b = HostCounters.newBuilder().setHostId(host.value())
                .setFramesFromPorts(c.framesFromPorts()).setFramesToPorts(c.framesToPorts())
                .setVxlanSent(c.vxlanSent()).setVxlanReceived(c.vxlanReceived()).setRouted(c.routed())
                .setBridged(c.bridged()).setArpSuppressed(c.arpSuppressed()).setArpFlooded(c.arpFlooded());
        c.drops().forEach((reason, count) -> b.putDropped(reason.name(), count));
        return b.build();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
