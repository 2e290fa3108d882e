package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.RouterRemoved;
import org.netweave.proto.manager.v1.RoutersUpdated;

/**
 * The notifications one change of the Neutron model makes, per host (seed 003), as a pure
 * comparison of the topology before and after it:
 *
 * <ul>
 *   <li>{@code routers_updated} to a host that now holds a router it did not, or whose held
 *       router changed (an interface added or removed, an extra route) — to every host holding
 *       it before or after, so a host also hears of an interface that went away;</li>
 *   <li>{@code port_delete} and {@code port_add} for a compute port deleted, created or changed,
 *       to the L3 agents of the hosts holding the port's router (its static ARP entry) and to the
 *       port's own host (its L2 agent plugs it); a changed port is deleted and added again;</li>
 *   <li>{@code router_removed} to a host that no longer holds a router — last, after the port
 *       notifications that made it so.</li>
 * </ul>
 */
final class AgentNotifications {
    private AgentNotifications() {
    }

    /** By host, in the order the host should hear them. Pure. */
    static SortedMap<String, List<AgentNotification>> between(AgentTopology before, AgentTopology after) {
        SortedMap<String, List<AgentNotification>> out = new TreeMap<>();
        SortedSet<String> hosts = new TreeSet<>(before.hosts());
        hosts.addAll(after.hosts());
        for (String host : hosts) {
            SortedSet<String> updated = new TreeSet<>();
            for (String router : after.routersOf(host)) {
                if (!before.routersOf(host).contains(router)
                        || !Objects.equals(before.routers().get(router), after.routers().get(router))) {
                    updated.add(router);
                }
            }
            for (String router : before.routersOf(host)) {
                if (after.routersOf(host).contains(router)) {
                    continue;
                }
                // Gone from this host but changed: it still hears the change first, for the interface that went.
                if (after.routers().containsKey(router)
                        && !Objects.equals(before.routers().get(router), after.routers().get(router))) {
                    updated.add(router);
                }
            }
            if (!updated.isEmpty()) {
                add(out, host, AgentNotification.newBuilder()
                        .setRoutersUpdated(RoutersUpdated.newBuilder().addAllRouterIds(updated)).build());
            }
        }
        for (NeutronPort old : before.ports().values()) {
            NeutronPort now = after.ports().get(old.getId());
            if (!old.equals(now)) {
                recipients(before, old).forEach(host -> add(out, host, AgentNotification.newBuilder().setPortDelete(old).build()));
            }
        }
        for (NeutronPort now : after.ports().values()) {
            if (!now.equals(before.ports().get(now.getId()))) {
                recipients(after, now).forEach(host -> add(out, host, AgentNotification.newBuilder().setPortAdd(now).build()));
            }
        }
        for (String host : hosts) {
            for (String router : before.routersOf(host)) {
                if (!after.routersOf(host).contains(router)) {
                    add(out, host, AgentNotification.newBuilder()
                            .setRouterRemoved(RouterRemoved.newBuilder().setRouterId(router)).build());
                }
            }
        }
        return out;
    }

    /** The first message of a host's stream: every router it holds, as a full sync. */
    static AgentNotification fullSync(AgentTopology topology, String host) {
        return AgentNotification.newBuilder().setRoutersUpdated(RoutersUpdated.newBuilder()
                .addAllRouterIds(topology.routersOf(host)).setFullSync(true)).build();
    }

    /** The port's own host and the hosts holding the router of its subnet. */
    private static SortedSet<String> recipients(AgentTopology topology, NeutronPort port) {
        SortedSet<String> hosts = new TreeSet<>();
        if (!port.getHost().isEmpty()) {
            hosts.add(port.getHost());
        }
        String router = topology.routerOfSubnet().get(port.getSubnetId());
        if (router != null) {
            hosts.addAll(topology.hostsOf(router));
        }
        return hosts;
    }

    private static void add(Map<String, List<AgentNotification>> out, String host, AgentNotification notification) {
        out.computeIfAbsent(host, h -> new ArrayList<>()).add(notification);
    }
}
