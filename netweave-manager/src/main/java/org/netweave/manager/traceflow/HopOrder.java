package org.netweave.manager.traceflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.netweave.model.HostId;

/**
 * Puts the observations of a trace in hop order. Each host's clock orders only its own
 * observations, so the order across hosts follows the tunnels instead: the source host first,
 * then, breadth first, the hosts its tunnel forwards went to (named by VTEP), each host once.
 * Hosts that reported but were not reached that way (their VTEP is unknown) come last, by name.
 */
final class HopOrder {
    private HopOrder() {
    }

    static List<Seen> of(HostId source, List<Seen> observations, Map<String, HostId> hostsByVtep) {
        Map<HostId, List<Seen>> byHost = new TreeMap<>(Comparator.comparing(HostId::value));
        for (Seen seen : observations) {
            byHost.computeIfAbsent(seen.host(), h -> new ArrayList<>()).add(seen);
        }
        byHost.values().forEach(list -> list.sort(Comparator.comparingLong(Seen::nanoTime)));
        Set<HostId> order = new LinkedHashSet<>();
        Deque<HostId> next = new ArrayDeque<>(List.of(source));
        while (!next.isEmpty()) {
            HostId host = next.removeFirst();
            if (!order.add(host)) {
                continue;
            }
            for (Seen seen : byHost.getOrDefault(host, List.of())) {
                HostId to = seen.is("FORWARDED") && seen.isTunnel() ? hostsByVtep.get(seen.componentName()) : null;
                if (to != null && !order.contains(to)) {
                    next.addLast(to);
                }
            }
        }
        order.addAll(byHost.keySet());
        List<Seen> hops = new ArrayList<>(observations.size());
        order.forEach(host -> hops.addAll(byHost.getOrDefault(host, List.of())));
        return hops;
    }
}
