package org.netweave.manager.traceflow;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.inventory.HostRecord;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.manager.inventory.VmRecord;
import org.netweave.manager.inventory.Vnic;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.router.DlrService;
import org.netweave.manager.network.router.DlrState;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.vnic.VnicService;
import org.netweave.model.HostId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VmId;
import org.netweave.packet.Vxlan;
import org.netweave.proto.manager.v1.TraceflowContinuation;
import org.netweave.proto.manager.v1.TraceflowObservations;
import org.netweave.proto.manager.v1.TraceflowProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts traceflows and gathers what the hosts observe. Traces live in memory only, the newest
 * {@link #KEPT} of them, as NSX Manager keeps traceflow results for a while and no longer: they
 * describe the network at one moment and are not configuration.
 */
public final class Traceflows implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Traceflows.class);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int KEPT = 1_000;
    private static final long TICK_MS = 50;

    private final InventoryService inventory;
    private final DlrService dlrs;
    private final VnicService vnics;
    private final TraceflowChannelService channel;
    private final Clock clock;
    /**
     * The last trace id handed out. It starts at a random place so that after a manager restart
     * neither a late observation of an old probe nor a client still polling an old id meets a
     * new trace.
     */
    private final AtomicInteger ids = new AtomicInteger(ThreadLocalRandom.current().nextInt(Vxlan.MAX_TRACE_ID));
    private final Map<String, Trace> byId = new LinkedHashMap<>();
    private final Map<Integer, Trace> collecting = new HashMap<>();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("traceflow").daemon().factory());

    public Traceflows(InventoryService inventory, DlrService dlrs, VnicService vnics, TraceflowChannelService channel,
            Clock clock) {
        this.inventory = inventory;
        this.dlrs = dlrs;
        this.vnics = vnics;
        this.channel = channel;
        this.clock = clock;
        channel.onReport(this::reported);
        ticker.scheduleWithFixedDelay(this::settleAll, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public TraceflowView start(TraceflowRequest request) {
        Fields.required("source", request.source());
        long timeout = timeoutNanos(request.timeoutMs());
        VmRecord vm = sourceVm(request.source());
        Vnic vnic = sourceVnic(vm, request.source());
        LogicalSwitchId ls = vnic.logicalSwitch().orElseThrow(() -> ApiException.conflict("source",
                request.source() + " is not attached to a logical switch"));
        // A DLR only stored (a Neutron router no host holds yet) routes nothing.
        List<Lif> lifs = dlrs.configs().stream().filter(d -> d.state() != DlrState.STORED).flatMap(d -> d.lifs().stream())
                .filter(l -> ls.equals(l.logicalSwitch())).toList();
        Probe probe = ProbeResolver.resolve(request.packet(), vm, vnic, lifs, vnics.attachedTo(ls));
        int traceId = 1 + Math.floorMod(ids.getAndIncrement(), Vxlan.MAX_TRACE_ID);
        Trace trace = new Trace("traceflow-" + traceId, traceId, request.source(), probe, clock.instant(), System.nanoTime(),
                timeout);
        synchronized (this) {
            collecting.put(traceId, trace);
            byId.put(trace.id, trace);
            if (byId.size() > KEPT) {
                Trace oldest = byId.values().iterator().next();
                byId.remove(oldest.id);
                collecting.remove(oldest.traceId, oldest);
            }
        }
        boolean sent = channel.send(probe.host(), TraceflowProbe.newBuilder().setTraceId(traceId)
                .setPortId(probe.port().value()).setFrame(ByteString.copyFrom(ProbeFrames.of(probe))).build());
        if (!sent) {
            trace.failed("the host agent of " + probe.host().value() + " is not connected");
        }
        LOG.info("{}: probe {} from {} on {} to {} ({})", trace.id, traceId, request.source(), probe.host().value(),
                probe.dstIp(), sent ? "injected" : "not injected: no host agent");
        return trace.view(hostsByVtep());
    }

    public TraceflowView get(String id) {
        Trace trace;
        synchronized (this) {
            trace = byId.get(id);
        }
        if (trace == null) {
            throw ApiException.notFound("id", "traceflow", id);
        }
        return trace.view(hostsByVtep());
    }

    private VmRecord sourceVm(String source) {
        int dot = source.lastIndexOf('.');
        if (dot <= 0 || !source.substring(dot + 1).matches("\\d{3}")) {
            throw ApiException.invalid("source", "source must name a vNIC as <vm id>.<three-digit index> (vm-3.000), not '"
                    + source + "'");
        }
        VmId id = Fields.id("source", source.substring(0, dot), VmId::of);
        return inventory.vm(id).orElseThrow(() -> ApiException.notFound("source", "VM", id.value()));
    }

    private static Vnic sourceVnic(VmRecord vm, String source) {
        int index = Integer.parseInt(source.substring(source.lastIndexOf('.') + 1));
        return vm.vnics().stream().filter(v -> v.index() == index).findFirst()
                .orElseThrow(() -> ApiException.notFound("source", "vNIC", source));
    }

    private static long timeoutNanos(Integer timeoutMs) {
        if (timeoutMs == null) {
            return DEFAULT_TIMEOUT.toNanos();
        }
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            throw ApiException.invalid("timeoutMs", "timeoutMs must lie in 100-60000, not " + timeoutMs);
        }
        return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }

    private void reported(TraceflowObservations batch) {
        HostId host = HostId.of(batch.getHostId());
        long now = System.nanoTime();
        if (batch.getFailedTraceId() != 0) {
            Trace trace = collectingTrace(batch.getFailedTraceId());
            if (trace != null) {
                trace.failed(host.value() + ": " + batch.getFailure());
            }
        }
        Map<Integer, List<Seen>> byTrace = new HashMap<>();
        batch.getObservationsList().forEach(o -> byTrace.computeIfAbsent(o.getTraceId(), t -> new java.util.ArrayList<>())
                .add(Seen.of(host, o)));
        byTrace.forEach((traceId, seen) -> {
            Trace trace = collectingTrace(traceId);
            if (trace != null) {
                trace.observed(seen, now);
            }
        });
        if (batch.getContinuationsCount() > 0) {
            continueAt(host, batch.getContinuationsList());
        }
    }

    /**
     * Frames a host traced into tunnels its backend cannot mark (Open vSwitch): each goes to the
     * host behind the tunnel's far VTEP, which traces it on as if it had arrived.
     */
    private void continueAt(HostId from, List<TraceflowContinuation> continuations) {
        Map<String, HostId> hostsByVtep = hostsByVtep();
        for (TraceflowContinuation c : continuations) {
            Trace trace = collectingTrace(c.getTraceId());
            HostId to = hostsByVtep.get(c.getToVtep());
            if (trace == null || to == null) {
                continue;
            }
            boolean sent = channel.send(to, TraceflowProbe.newBuilder().setTraceId(c.getTraceId()).setFrame(c.getFrame())
                    .setFromVtep(c.getFromVtep()).setVni(c.getVni()).build());
            LOG.debug("{}: continued from {} at {} ({})", trace.id, from.value(), to.value(),
                    sent ? "sent" : "not sent: no host agent");
        }
    }

    private synchronized Trace collectingTrace(int traceId) {
        return collecting.get(traceId);
    }

    private void settleAll() {
        try {
            List<Trace> open;
            synchronized (this) {
                open = List.copyOf(collecting.values());
            }
            if (open.isEmpty()) {
                return;
            }
            Map<String, HostId> hostsByVtep = hostsByVtep();
            Map<HostId, String> vtepsByHost = new HashMap<>();
            hostsByVtep.forEach((vtep, host) -> vtepsByHost.put(host, vtep));
            long now = System.nanoTime();
            for (Trace trace : open) {
                if (trace.settle(now, hostsByVtep, vtepsByHost)) {
                    synchronized (this) {
                        collecting.remove(trace.traceId, trace);
                    }
                    LOG.info("{}: complete, {}", trace.id, trace.view(hostsByVtep).resultSummary());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("traceflow: could not settle the open traces: {}", e.toString());
        }
    }

    private Map<String, HostId> hostsByVtep() {
        Map<String, HostId> vteps = new HashMap<>();
        for (HostRecord host : inventory.hosts(java.util.Optional.empty())) {
            host.vtepIp().ifPresent(ip -> vteps.put(ip.toString(), host.id()));
        }
        return vteps;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
