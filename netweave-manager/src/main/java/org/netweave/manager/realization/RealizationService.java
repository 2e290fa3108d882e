package org.netweave.manager.realization;

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
 * What each host has applied, as the host agents report it over the host configuration channel,
 * and the per-object realised state that follows from it. Kept in memory: after a manager
 * restart every agent resubscribes and says again which generation it holds.
 *
 * <p>Thread-safe.
 */
public final class RealizationService {
    private static final Logger LOG = LoggerFactory.getLogger(RealizationService.class);

    private final Map<HostId, Long> applied = new ConcurrentHashMap<>();
    private final Set<HostId> connected = ConcurrentHashMap.newKeySet();

    /** An object written at {@code generation} that the hosts in {@code span} hold. */
    public Realization of(long generation, Collection<HostId> span) {
        List<HostRealization> hosts = new ArrayList<>();
        boolean all = true;
        for (HostId host : new TreeSet<>(span)) {
            long hostGeneration = applied.getOrDefault(host, 0L);
            boolean realized = hostGeneration >= generation;
            all &= realized;
            hosts.add(new HostRealization(host, hostGeneration, connected.contains(host), realized));
        }
        return new Realization(generation, all ? RealizationState.REALIZED : RealizationState.IN_PROGRESS, hosts);
    }

    public void reportApplied(HostId host, long generation) {
        Long before = applied.put(host, generation);
        if (before == null || before != generation) {
            LOG.debug("host {} applied generation {}", host, generation);
        }
    }

    public long applied(HostId host) {
        return applied.getOrDefault(host, 0L);
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
