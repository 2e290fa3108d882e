package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.router.LifRules;
import org.netweave.manager.network.router.LifSpec;
import org.netweave.manager.network.router.LifStore;
import org.netweave.manager.network.router.LifType;
import org.netweave.manager.network.router.StaticRoute;
import org.netweave.manager.store.Store;
import org.netweave.model.Ipv4InterfaceAddress;

/**
 * add_router_interface and remove_router_interface. An interface is a LIF of the router's DLR on
 * the network's logical switch (named after its port, with the port's address and the subnet's
 * prefix) and a port with {@code device_id} = the router, {@code device_owner}
 * network:router_interface_distributed (network:router_interface for a centralized router). The
 * native LIF rules apply: a logical switch is on at most one DLR, once, and a DLR's subnets are
 * disjoint — so a network reaches at most one router, through one of its subnets.
 */
final class RouterInterfaceService {
    private static final Set<String> ATTRIBUTES = Set.of("subnet_id", "port_id");

    private final Store store;

    RouterInterfaceService(Store store) {
        this.store = store;
    }

    Map<String, Object> add(NeutronRouterId id, String json) {
        InterfaceTarget target = InterfaceTarget.of(NeutronBody.bare(json, ATTRIBUTES));
        return store.write((handle, generation) -> {
            RouterRow router = RouterService.find(handle, id);
            PortRow port = target.port() != null ? adoptPort(handle, router, target.port())
                    : newPort(handle, router, SubnetService.find(handle, target.subnet()));
            FixedIp ip = port.fixedIps().getFirst();
            SubnetRow subnet = SubnetService.find(handle, ip.subnet());
            NetworkRow network = NetworkService.find(handle, port.network());
            DlrConfig dlr = RouterService.dlr(handle, router);
            LifSpec spec = new LifSpec("", port.id().value(), LifType.INTERNAL, network.logicalSwitch(), null,
                    new Ipv4InterfaceAddress(ip.address(), subnet.cidr().length()), network.mtu());
            var switches = LifStore.switchFacts(handle, List.of(network.logicalSwitch()));
            LifRules.checkNetworks(dlr.ref(), dlr.transportZone(), List.of(spec), switches, Map.of());
            Lif assigned = LifRules.assign(dlr.lifs(), List.of(spec),
                    Map.of(network.logicalSwitch(), switches.get(network.logicalSwitch()).vni()), generation).getFirst();
            // Written last, after every check: a refused request leaves no port behind.
            if (target.port() != null) {
                PortStore.update(handle, port, generation);
            } else {
                PortService.checkMacFree(handle, port.network(), port.mac());
                PortStore.insert(handle, port, generation);
            }
            // The LIF answers with the port's MAC, so what Neutron shows is what hosts use.
            LifStore.insert(handle, dlr.id(), new Lif(assigned.index(), assigned.name(), assigned.type(),
                    assigned.logicalSwitch(), assigned.vni(), null, assigned.address(), port.mac(), assigned.mtu(),
                    generation));
            DlrStore.stamp(handle, dlr.id(), generation);
            return answer(router, port);
        }).value();
    }

    Map<String, Object> remove(NeutronRouterId id, String json) {
        InterfaceTarget target = InterfaceTarget.of(NeutronBody.bare(json, ATTRIBUTES));
        return store.write((handle, generation) -> {
            RouterRow router = RouterService.find(handle, id);
            List<PortRow> interfaces = RouterService.interfaces(handle, router);
            PortRow port;
            if (target.port() != null) {
                PortService.find(handle, target.port());
                port = interfaces.stream().filter(p -> p.id().equals(target.port())).findFirst()
                        .orElseThrow(() -> new NeutronException(404, "RouterInterfaceNotFound", "Router " + id
                                + " does not have an interface with id " + target.port()));
            } else {
                SubnetService.find(handle, target.subnet());
                port = interfaces.stream().filter(p -> p.fixedIps().stream().anyMatch(ip -> ip.subnet().equals(target.subnet())))
                        .findFirst().orElseThrow(() -> new NeutronException(404, "RouterInterfaceNotFoundForSubnet",
                                "Router " + id + " has no interface on subnet " + target.subnet()));
            }
            DlrConfig dlr = RouterService.dlr(handle, router);
            Lif lif = dlr.lifs().stream().filter(l -> l.name().equals(port.id().value())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("interface port " + port.id() + " has no LIF on " + dlr.id()));
            checkNoRouteNeeds(router, dlr, lif, port);
            LifStore.delete(handle, dlr.id(), lif.index());
            DlrStore.stamp(handle, dlr.id(), generation);
            PortStore.delete(handle, port.id());
            return answer(router, port);
        }).value();
    }

    /**
     * A port the client made becomes the interface (not yet written): unused, one fixed IP, on a subnet the
     * router has no port on.
     */
    private static PortRow adoptPort(Handle handle, RouterRow router, NeutronPortId id) {
        PortRow port = PortService.find(handle, id);
        if (!port.deviceId().isEmpty()) {
            throw NeutronException.conflict("PortInUse", "Unable to complete operation on port " + id + " for network "
                    + port.network() + ". Port already has an attached device " + port.deviceId() + ".");
        }
        if (port.fixedIps().size() != 1) {
            throw NeutronException.badRequest("router", "a router interface port needs exactly one fixed IP; port " + id
                    + " has " + port.fixedIps().size());
        }
        checkNoPortOn(handle, router, port.fixedIps().getFirst().subnet());
        return new PortRow(port.id(), port.network(), port.name(), port.projectId(), port.mac(), port.adminStateUp(),
                router.id().value(), DeviceOwners.routerInterface(router.distributed()), port.hostId(), port.status(),
                port.fixedIps());
    }

    /** A new port (not yet written) with the subnet's gateway address and the DLR's virtual MAC, the same on every host. */
    private static PortRow newPort(Handle handle, RouterRow router, SubnetRow subnet) {
        if (subnet.gatewayIp() == null) {
            throw NeutronException.badRequest("router", "Subnet for router interface must have a gateway IP");
        }
        checkNoPortOn(handle, router, subnet.id());
        FixedIpAllocation.checkFree(handle, subnet, subnet.gatewayIp(), List.of(), List.of());
        return new PortRow(NeutronPortId.fresh(), subnet.network(), "", router.projectId(), Lif.VIRTUAL_MAC, true,
                router.id().value(), DeviceOwners.routerInterface(router.distributed()), "", PortService.DOWN,
                List.of(new FixedIp(subnet.id(), subnet.gatewayIp())));
    }

    private static void checkNoPortOn(Handle handle, RouterRow router, NeutronSubnetId subnet) {
        boolean attached = RouterService.interfaces(handle, router).stream()
                .anyMatch(port -> port.fixedIps().stream().anyMatch(ip -> ip.subnet().equals(subnet)));
        if (attached) {
            throw NeutronException.badRequest("router", "Router already has a port on subnet " + subnet);
        }
    }

    private static void checkNoRouteNeeds(RouterRow router, DlrConfig dlr, Lif lif, PortRow port) {
        List<StaticRoute> routes = new ArrayList<>(dlr.staticRoutes());
        if (dlr.defaultRoute() != null) {
            routes.add(dlr.defaultRoute());
        }
        if (routes.stream().anyMatch(route -> lif.subnet().contains(route.nextHop()))) {
            throw NeutronException.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet "
                    + port.fixedIps().getFirst().subnet() + " on router " + router.id() + " cannot be deleted, as it is"
                    + " required by one or more routes.");
        }
    }

    private static Map<String, Object> answer(RouterRow router, PortRow port) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", router.id().value());
        answer.put("subnet_id", port.fixedIps().getFirst().subnet().value());
        answer.put("subnet_ids", port.fixedIps().stream().map(ip -> ip.subnet().value()).toList());
        answer.put("port_id", port.id().value());
        answer.put("network_id", port.network().value());
        answer.put("tenant_id", router.projectId());
        answer.put("project_id", router.projectId());
        return answer;
    }
}
