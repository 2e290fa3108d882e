package org.netweave.manager.realization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.model.HostId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each host has applied, and the per-object realised state that follows from it.
 *
 * <p>The manager recomputes every host's configuration after writes and remembers, per host, the
 * generation at which that configuration last changed. A write that does not change a host's
 * configuration needs nothing from that host. So an object written at generation g is realised on
 * host h once the manager has recomputed the configurations up to g and h has applied its latest
 * configuration change. This avoids sending every host a new configuration after every write.
 *
 * <p>Kept in memory: after a manager restart every agent resubscribes and says again which
 * generation it holds. Thread-safe.
 */
public final class RealizationService {
    private static final Logger LOG = LoggerFactory.getLogger(RealizationService.class);

    /**
     * How long after the manager starts a host that is not connected yet still counts as on its way:
     * agents that were connected to the previous manager reconnect within their backoff (at most
     * 5 s), and a job resumed at start should wait for them rather than carry on without them.
     */
    public static final Duration RECONNECT_GRACE = Duration.ofSeconds(10);

    private final Clock clock;
    private final Instant started;
    private final Map<HostId, Long> applied = new ConcurrentHashMap<>();
    private final Map<HostId, Long> lastChange = new ConcurrentHashMap<>();
    private final Set<HostId> connected = ConcurrentHashMap.newKeySet();
    /** Per host, the oldest change it has not applied yet and when the manager computed it. */
    private final Map<HostId, Pending> pending = new ConcurrentHashMap<>();
    private volatile long computed;
    private volatile java.util.function.LongConsumer lag = nanos -> { };

    private record Pending(long generation, long sinceNanos) {
    }

    public RealizationService() {
        this(Clock.systemUTC());
    }

    public RealizationService(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * The hosts of {@code hosts} a step that waits for hosts should wait for: the connected ones,
     * and right after the manager started, all of them (they are reconnecting).
     */
    public List<HostId> expected(List<HostId> hosts) {
        if (Duration.between(started, clock.instant()).compareTo(RECONNECT_GRACE) < 0) {
            return hosts;
        }
        return hosts.stream().filter(connected::contains).toList();
    }

    /** An object written at {@code generation} that the hosts in {@code span} hold. */
    public Realization of(long generation, Collection<HostId> span) {
        List<HostRealization> hosts = new ArrayList<>();
        boolean all = true;
        for (HostId host : new TreeSet<>(span)) {
            long hostGeneration = applied.getOrDefault(host, 0L);
            boolean realized = isRealized(host, generation);
            all &= realized;
            hosts.add(new HostRealization(host, hostGeneration, connected.contains(host), realized));
        }
        return new Realization(generation, all ? RealizationState.REALIZED : RealizationState.IN_PROGRESS, hosts);
    }

    /** Whether {@code host} holds everything written up to {@code generation} that concerns it. */
    public boolean isRealized(HostId host, long generation) {
        // In the order the worker writes them in reverse: it notes a change, then the computed
        // generation; reading computed first means a change at or below it is already visible.
        if (computed < generation) {
            return false;
        }
        Long change = lastChange.get(host);
        long hostGeneration = applied.getOrDefault(host, 0L);
        return change != null && hostGeneration >= change;
    }

    /** The configurations of all hosts are computed up to {@code generation}. */
    public void computedUpTo(long generation) {
        computed = Math.max(computed, generation);
    }

    /** Host {@code host}'s configuration changed at {@code generation}. */
    public void configChanged(HostId host, long generation) {
        lastChange.merge(host, generation, Math::max);
        pending.putIfAbsent(host, new Pending(generation, System.nanoTime()));
    }

    /**
     * Told, for each host, how long it took from the manager computing a change of its
     * configuration to the host reporting a generation at or past it (the realisation lag); a
     * host catching up on several changes counts from the oldest.
     */
    public void onRealized(java.util.function.LongConsumer lagNanos) {
        this.lag = lagNanos;
    }

    public void reportApplied(HostId host, long generation) {
        Pending waiting = pending.get(host);
        if (waiting != null && generation >= waiting.generation() && pending.remove(host, waiting)) {
            lag.accept(System.nanoTime() - waiting.sinceNanos());
        }
        Long before = applied.put(host, generation);
        if (before == null || before != generation) {
            LOG.debug("host {} applied generation {}", host, generation);
        }
    }

    public long applied(HostId host) {
        return applied.getOrDefault(host, 0L);
    }

    public void forget(HostId host) {
        pending.remove(host);
        applied.remove(host);
        lastChange.remove(host);
        connected.remove(host);
    }

    public void connected(HostId host, boolean isConnected) {
        if (isConnected ? connected.add(host) : connected.remove(host)) {
            LOG.info("host {} {} the manager", host, isConnected ? "connected to" : "disconnected from");
        }
    }

    public boolean isConnected(HostId host) {
        return connected.contains(host);
    }

    public Set<HostId> connectedHosts() {
        return Set.copyOf(connected);
    }
}
