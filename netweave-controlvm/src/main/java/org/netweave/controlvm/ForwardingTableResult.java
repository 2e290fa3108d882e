package org.netweave.controlvm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ForwardingTableBuilder} makes of a configuration.
 *
 * @param routes     the forwarding table, sorted by {@link ForwardingRoute#ORDER}; it passes the
 *                   controller's checks (every route leaves by a LIF, a next hop is a neighbour on
 *                   it, each prefix once)
 * @param unresolved the configured routes left out, sorted by {@link UnresolvedRoute#ORDER}
 */
public record ForwardingTableResult(List<ForwardingRoute> routes, List<UnresolvedRoute> unresolved) {
    public ForwardingTableResult {
        routes = routes.stream().sorted(ForwardingRoute.ORDER).toList();
        unresolved = unresolved.stream().sorted(UnresolvedRoute.ORDER).toList();
    }

    /** The status report's words for the routes left out; empty when there are none. */
    public String unresolvedSummary() {
        if (unresolved.isEmpty()) {
            return "";
        }
        return unresolved.size() + " route(s) left out of the forwarding table: "
                + unresolved.stream().map(UnresolvedRoute::toString).collect(Collectors.joining("; "));
    }
}
