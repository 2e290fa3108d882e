package org.netweave.hostagent;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;
import org.netweave.proto.manager.v1.SubnetPortsRequest;
import org.netweave.proto.manager.v1.SyncRoutersRequest;

/**
 * The Neutron L3 agent's DVR side on a compute node (seed 003, "L3-Agent-on-CN"). On
 * {@code routers_updated} it fetches the routers ({@code sync_routers}), plugs every new
 * distributed interface port into br-int, asks for the compute ports of the interface's subnet
 * ({@code get_ports_by_subnet}) and keeps them as static ARP entries in the router; an interface
 * that went away is unplugged and its subnet's entries dropped. {@code port_add} and
 * {@code port_delete} add and remove one entry; {@code router_removed} drops the router.
 *
 * <p>Confined to the agents' thread. Calls that fail throw; the caller resyncs.
 */
final class DvrL3Agent {
    /** What the L2 agent hears of: a router port plugged into or unplugged from br-int. */
    interface RouterPorts {
        void plugged(NeutronRouter router, RouterInterface port);

        void unplugged(NeutronRouter router, RouterInterface port);
    }

    private final String host;
    private final NeutronCalls calls;
    private final RouterPorts l2;
    private final Consumer<String> events;
    private final SortedMap<String, NeutronRouter> routers = new TreeMap<>();
    /** Per router, per interface subnet, the compute ports cached for static ARP, by port id. */
    private final Map<String, Map<String, SortedMap<String, NeutronPort>>> arp = new TreeMap<>();

    DvrL3Agent(String host, NeutronCalls calls, RouterPorts l2, Consumer<String> events) {
        this.host = host;
        this.calls = calls;
        this.l2 = l2;
        this.events = events;
    }

    /**
     * On a full sync every interface of every router is fetched again, not only the new ones: the
     * notifications missed while the stream was down may have changed any subnet's ports.
     */
    void routersUpdated(List<String> ids, boolean fullSync) {
        events.accept("l3: routers_updated " + ids + (fullSync ? " (full sync)" : ""));
        if (fullSync) {
            for (String gone : List.copyOf(routers.keySet())) {
                if (!ids.contains(gone)) {
                    routerRemoved(gone);
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        List<NeutronRouter> synced = calls.stub().syncRouters(SyncRoutersRequest.newBuilder().setHost(host)
                .addAllRouterIds(ids).build()).getRoutersList();
        events.accept("l3: sync_routers " + ids + " -> " + synced.size() + " routers");
        Set<String> found = new HashSet<>();
        for (NeutronRouter router : synced) {
            found.add(router.getId());
            update(router, fullSync);
        }
        // Asked for but not returned: the router is gone.
        ids.stream().filter(id -> !found.contains(id) && routers.containsKey(id)).forEach(this::routerRemoved);
    }

    void routerRemoved(String id) {
        NeutronRouter router = routers.remove(id);
        if (router == null) {
            return;
        }
        router.getInterfacesList().forEach(port -> unplug(router, port));
        arp.remove(id);
        events.accept("l3: router_removed " + id + ": namespace deleted");
    }

    void portAdd(NeutronPort port) {
        routerOf(port.getSubnetId()).ifPresent(router -> {
            arp.get(router).computeIfAbsent(port.getSubnetId(), k -> new TreeMap<>()).put(port.getId(), port);
            events.accept("l3: port_add " + port.getId() + ": static ARP " + ip(port) + " -> " + mac(port) + " in router " + router);
        });
    }

    void portDelete(NeutronPort port) {
        routerOf(port.getSubnetId()).ifPresent(router -> {
            if (arp.get(router).getOrDefault(port.getSubnetId(), new TreeMap<>()).remove(port.getId()) != null) {
                events.accept("l3: port_delete " + port.getId() + ": static ARP " + ip(port) + " removed from router " + router);
            }
        });
    }

    /** The routers held, as last synced. */
    SortedMap<String, NeutronRouter> routers() {
        return Collections.unmodifiableSortedMap(routers);
    }

    /** The static ARP entries of a router, over all its subnets. */
    Collection<NeutronPort> staticArp(String router) {
        return arp.getOrDefault(router, Map.of()).values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /**
     * Applies a synced router. Every call is made before anything changes, so a failed call leaves
     * the router as it was (and the agents' new stream syncs it again, whole).
     */
    private void update(NeutronRouter router, boolean refetchAll) {
        NeutronRouter old = routers.get(router.getId());
        List<RouterInterface> was = old == null ? List.of() : old.getInterfacesList();
        List<RouterInterface> added = router.getInterfacesList().stream()
                .filter(port -> refetchAll || !was.contains(port)).toList();
        Map<String, SortedMap<String, NeutronPort>> fetched = new TreeMap<>();
        for (RouterInterface port : added) {
            SortedMap<String, NeutronPort> ports = new TreeMap<>();
            calls.stub().getPortsBySubnet(SubnetPortsRequest.newBuilder().setSubnetId(port.getSubnetId()).build())
                    .getPortsList().forEach(p -> ports.put(p.getId(), p));
            fetched.put(port.getPortId(), ports);
        }
        for (RouterInterface port : was) {
            if (!router.getInterfacesList().contains(port)) {
                unplug(old, port);
                arp.getOrDefault(router.getId(), new TreeMap<>()).remove(port.getSubnetId());
            }
        }
        routers.put(router.getId(), router);
        Map<String, SortedMap<String, NeutronPort>> bySubnet = arp.computeIfAbsent(router.getId(), r -> new TreeMap<>());
        for (RouterInterface port : added) {
            if (!was.contains(port)) {
                events.accept("l3: router " + router.getId() + ": plugged " + port.getPortId() + " ("
                        + org.netweave.model.Ipv4Address.of(port.getIp()) + "/" + port.getPrefixLength() + ", vni "
                        + port.getVni() + ") into br-int");
            }
            SortedMap<String, NeutronPort> ports = fetched.get(port.getPortId());
            bySubnet.put(port.getSubnetId(), ports);
            events.accept("l3: get_ports_by_subnet " + port.getSubnetId() + " -> " + ports.size()
                    + " ports: static ARP entries in router " + router.getId());
        }
        // The L2 agent's calls come last: one failing leaves the L3 side whole, and the resync redoes both.
        added.forEach(port -> l2.plugged(router, port));
    }

    private void unplug(NeutronRouter router, RouterInterface port) {
        int entries = arp.getOrDefault(router.getId(), Map.of()).getOrDefault(port.getSubnetId(), new TreeMap<>()).size();
        events.accept("l3: router " + router.getId() + ": unplugged " + port.getPortId() + " from br-int, "
                + entries + " static ARP entries removed");
        l2.unplugged(router, port);
    }

    /** The held router with an interface on {@code subnet}; every held interface has its entries cached. */
    private java.util.Optional<String> routerOf(String subnet) {
        return routers.values().stream()
                .filter(r -> r.getInterfacesList().stream().anyMatch(i -> i.getSubnetId().equals(subnet)))
                .map(NeutronRouter::getId).findFirst();
    }

    private static String ip(NeutronPort port) {
        return org.netweave.model.Ipv4Address.of(port.getIp()).toString();
    }

    private static String mac(NeutronPort port) {
        return org.netweave.model.MacAddress.of(port.getMac()).toString();
    }
}
