package org.netweave.manager.traceflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netweave.model.HostId;

/**
 * One traceflow while it collects and after: its probe, the observations so far, and the rule
 * that ends it. It completes at its deadline, or earlier once every path the probe took has
 * ended: some observation delivered or dropped it (a NO_ARP drop does not count: the probe is
 * held and may go on), every tunnel forward to a host we know was
 * received there, and nothing new arrived for {@link #QUIET_NANOS}. Thread-safe.
 */
final class Trace {
    static final long QUIET_NANOS = 250_000_000L;

    final String id;
    final int traceId;
    final String source;
    final Probe probe;
    final Instant startedAt;
    private final long deadlineNanos;
    private final List<Seen> seen = new ArrayList<>();
    private long lastSeenNanos;
    private String failure;
    private boolean complete;

    Trace(String id, int traceId, String source, Probe probe, Instant startedAt, long nowNanos, long timeoutNanos) {
        this.id = id;
        this.traceId = traceId;
        this.source = source;
        this.probe = probe;
        this.startedAt = startedAt;
        this.deadlineNanos = nowNanos + timeoutNanos;
        this.lastSeenNanos = nowNanos;
    }

    synchronized void observed(List<Seen> batch, long nowNanos) {
        if (!complete) {
            seen.addAll(batch);
            lastSeenNanos = nowNanos;
        }
    }

    synchronized void failed(String reason) {
        failure = reason;
        complete = true;
    }

    synchronized boolean isComplete() {
        return complete;
    }

    /** Completes the trace if its rule says so; true if it is complete now. */
    synchronized boolean settle(long nowNanos, Map<String, HostId> hostsByVtep, Map<HostId, String> vtepsByHost) {
        if (!complete && (nowNanos >= deadlineNanos
                || nowNanos - lastSeenNanos >= QUIET_NANOS && allPathsEnded(hostsByVtep, vtepsByHost))) {
            complete = true;
        }
        return complete;
    }

    private boolean allPathsEnded(Map<String, HostId> hostsByVtep, Map<HostId, String> vtepsByHost) {
        // A probe waiting for ARP is reported as a NO_ARP drop and may still go on once the
        // neighbour answers, so that drop does not end a path; the deadline ends such a trace.
        if (seen.stream().noneMatch(s -> s.is("DELIVERED") || s.is("DROPPED") && !"NO_ARP".equals(s.dropReason()))) {
            return false;
        }
        for (Seen forward : seen) {
            HostId to = forward.is("FORWARDED") && forward.isTunnel() ? hostsByVtep.get(forward.componentName()) : null;
            String from = vtepsByHost.get(forward.host());
            if (to != null && from != null && seen.stream().noneMatch(r -> r.host().equals(to) && r.is("RECEIVED")
                    && r.isTunnel() && r.componentName().equals(from))) {
                return false;
            }
        }
        return true;
    }

    synchronized TraceflowView view(Map<String, HostId> hostsByVtep) {
        List<Seen> hops = HopOrder.of(probe.host(), seen, hostsByVtep);
        List<TraceflowHop> observations = new ArrayList<>(hops.size());
        for (int i = 0; i < hops.size(); i++) {
            observations.add(TraceflowHop.of(i + 1, hops.get(i)));
        }
        TraceflowCounts counts = TraceflowCounts.of(seen);
        String result;
        String summary;
        if (failure != null) {
            result = "FAILED";
            summary = "the probe could not be injected: " + failure;
        } else if (!complete) {
            result = "IN_PROGRESS";
            summary = counts.delivered() + " delivered and " + counts.dropped() + " dropped observation(s) so far";
        } else if (counts.delivered() > 0) {
            result = "DELIVERED";
            summary = "delivered observation(s) reported";
        } else if (counts.dropped() > 0) {
            result = "DROPPED";
            summary = "dropped: " + seen.stream().filter(s -> s.is("DROPPED")).map(s -> s.dropReason() + " at "
                    + s.host().value() + " " + s.componentName()).distinct().toList();
        } else {
            result = "NO_OBSERVATIONS";
            summary = "no host reported the probe";
        }
        return new TraceflowView(id, complete ? "COMPLETE" : "IN_PROGRESS", result, summary, source,
                probe.host().value(), TraceflowProbeView.of(traceId, probe), counts, observations, startedAt.toString());
    }
}
