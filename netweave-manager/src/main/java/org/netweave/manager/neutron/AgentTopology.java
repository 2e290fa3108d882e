package org.netweave.manager.neutron;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.router.StaticRoute;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.manager.v1.ExtraRoute;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;

/**
 * What the DVR agents are told about, at one moment: the distributed routers that are up, with
 * their interfaces and extra routes exactly as {@code sync_routers} answers, and every compute
 * port. Which host's L3 agent holds a router follows from it (seed 003: "the L3 agent of every
 * compute node hosting ports of that subnet"). Immutable; {@link AgentNotifications} compares two.
 *
 * <p>Which router a subnet is on and who holds what are derived once, here, as indexes: the
 * notifications ask them per host and per port.
 */
final class AgentTopology {
    private static final String COMPUTE_OWNER = "compute:";

    private final SortedMap<String, NeutronRouter> routers;
    private final SortedMap<String, NeutronPort> ports;
    private final Map<String, String> routerOfSubnet = new HashMap<>();
    private final Map<String, SortedSet<String>> hostsOfRouter = new HashMap<>();
    private final Map<String, SortedSet<String>> routersOfHost = new HashMap<>();

    /**
     * @param routers by Neutron router id
     * @param ports   compute ports ({@code device_owner} compute:*) by port id
     */
    AgentTopology(SortedMap<String, NeutronRouter> routers, SortedMap<String, NeutronPort> ports) {
        this.routers = Collections.unmodifiableSortedMap(new TreeMap<>(routers));
        this.ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
        routers.values().forEach(r -> r.getInterfacesList().forEach(i -> routerOfSubnet.put(i.getSubnetId(), r.getId())));
        for (NeutronPort p : ports.values()) {
            if (p.getHost().isEmpty()) {
                continue;
            }
            SortedSet<String> held = routersOfHost.computeIfAbsent(p.getHost(), h -> new TreeSet<>());
            String router = routerOfSubnet.get(p.getSubnetId());
            if (router != null) {
                held.add(router);
                hostsOfRouter.computeIfAbsent(router, r -> new TreeSet<>()).add(p.getHost());
            }
        }
    }

    SortedMap<String, NeutronRouter> routers() {
        return routers;
    }

    SortedMap<String, NeutronPort> ports() {
        return ports;
    }

    /** The router a subnet is an interface of, by subnet id. A subnet is on at most one router. */
    Map<String, String> routerOfSubnet() {
        return Collections.unmodifiableMap(routerOfSubnet);
    }

    /** The hosts whose L3 agent holds {@code router}: those with a bound compute port on one of its subnets. */
    SortedSet<String> hostsOf(String router) {
        return Collections.unmodifiableSortedSet(hostsOfRouter.getOrDefault(router, new TreeSet<>()));
    }

    /** The routers {@code host}'s L3 agent holds. */
    SortedSet<String> routersOf(String host) {
        return Collections.unmodifiableSortedSet(routersOfHost.getOrDefault(host, new TreeSet<>()));
    }

    /** Every host a compute port is bound to. */
    SortedSet<String> hosts() {
        return new TreeSet<>(routersOfHost.keySet());
    }

    List<NeutronPort> portsOnSubnet(String subnet) {
        return ports.values().stream().filter(p -> p.getSubnetId().equals(subnet)).toList();
    }

    /**
     * Reads the topology with several queries on {@code handle}. {@link org.netweave.manager.store.Store#read}
     * runs them in autocommit, not in one transaction, so they may see different commits; the caller
     * compares the store's generation before and after ({@link NeutronAgentService}).
     */
    static AgentTopology read(Handle handle) {
        Map<String, Integer> vnis = new HashMap<>();
        handle.createQuery("SELECT n.id, ls.vni FROM neutron_network n JOIN logical_switch ls ON ls.id = n.logical_switch_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> vnis.put(e.getKey(), e.getValue()));
        List<PortRow> all = PortStore.list(handle);
        SortedMap<String, NeutronRouter> routers = new TreeMap<>();
        for (RouterRow router : RouterStore.list(handle)) {
            if (router.distributed() && router.adminStateUp()) {
                List<PortRow> interfaces = all.stream()
                        .filter(p -> p.isRouterInterface() && p.deviceId().equals(router.id().value())).toList();
                routers.put(router.id().value(), router(router, RouterService.dlr(handle, router), interfaces, vnis));
            }
        }
        SortedMap<String, NeutronPort> ports = new TreeMap<>();
        for (PortRow port : all) {
            if (port.deviceOwner().startsWith(COMPUTE_OWNER)) {
                ports.put(port.id().value(), port(port, vnis));
            }
        }
        return new AgentTopology(routers, ports);
    }

    private static NeutronRouter router(RouterRow router, DlrConfig dlr, List<PortRow> interfaces, Map<String, Integer> vnis) {
        NeutronRouter.Builder built = NeutronRouter.newBuilder().setId(router.id().value()).setDlrId(dlr.id().value())
                .setDistributed(true).setAdminStateUp(true);
        // By port id, so the message (which notifications compare) does not change when a row is only touched.
        List<PortRow> sorted = interfaces.stream().sorted(java.util.Comparator.comparing(p -> p.id().value())).toList();
        for (PortRow port : sorted) {
            Lif lif = dlr.lifs().stream().filter(l -> l.name().equals(port.id().value())).findFirst().orElse(null);
            if (lif == null || port.fixedIps().isEmpty() || !vnis.containsKey(port.network().value())) {
                continue;
            }
            built.addInterfaces(RouterInterface.newBuilder().setPortId(port.id().value())
                    .setSubnetId(port.fixedIps().getFirst().subnet().value()).setNetworkId(port.network().value())
                    .setVni(vnis.get(port.network().value())).setIp(lif.address().address().value())
                    .setPrefixLength(lif.address().prefixLength()).setMac(lif.mac().value()).setMtu(lif.mtu()));
        }
        for (StaticRoute route : dlr.staticRoutes()) {
            built.addRoutes(ExtraRoute.newBuilder().setDestination(Ipv4Prefix.newBuilder()
                    .setAddress(route.network().address().value()).setLength(route.network().length()))
                    .setNexthop(route.nextHop().value()));
        }
        return built.build();
    }

    static NeutronPort port(PortRow port, Map<String, Integer> vnis) {
        NeutronPort.Builder built = NeutronPort.newBuilder().setId(port.id().value()).setNetworkId(port.network().value())
                .setVni(vnis.getOrDefault(port.network().value(), 0)).setMac(port.mac().value()).setHost(port.hostId())
                .setAdminStateUp(port.adminStateUp());
        if (!port.fixedIps().isEmpty()) {
            FixedIp first = port.fixedIps().getFirst();
            built.setSubnetId(first.subnet().value()).setIp(first.address().value());
            port.fixedIps().stream().skip(1).forEach(other -> built.addOtherIps(other.address().value()));
        }
        return built.build();
    }
}
