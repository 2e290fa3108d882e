package org.netweave.manager.neutron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netweave.manager.network.router.StaticRoute;

/**
 * Stored rows into Neutron's resource dictionaries, with Neutron's attribute names; the key sets
 * are also what list filters may name. Pure.
 */
final class NeutronViews {
    static final Set<String> NETWORK_ATTRIBUTES = Set.of("id", "name", "admin_state_up", "status", "subnets",
            "tenant_id", "project_id", "shared", "mtu");
    static final Set<String> SUBNET_ATTRIBUTES = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "ip_version", "cidr", "gateway_ip", "allocation_pools", "enable_dhcp", "dns_nameservers", "host_routes");
    static final Set<String> PORT_ATTRIBUTES = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "mac_address", "admin_state_up", "status", "fixed_ips", "device_id", "device_owner", "binding:host_id");
    static final Set<String> ROUTER_ATTRIBUTES = Set.of("id", "name", "tenant_id", "project_id", "admin_state_up",
            "status", "distributed", "routes", "external_gateway_info");

    private NeutronViews() {
    }

    /** A network is ACTIVE: its logical switch exists on every host of its zone as soon as it is stored. */
    static Map<String, Object> network(NetworkRow network, List<NeutronSubnetId> subnets) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", network.id().value());
        view.put("name", network.name());
        view.put("admin_state_up", network.adminStateUp());
        view.put("status", "ACTIVE");
        view.put("subnets", subnets.stream().map(NeutronSubnetId::value).toList());
        view.put("tenant_id", network.projectId());
        view.put("project_id", network.projectId());
        view.put("shared", network.shared());
        view.put("mtu", network.mtu());
        return view;
    }

    static Map<String, Object> subnet(SubnetRow subnet) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", subnet.id().value());
        view.put("name", subnet.name());
        view.put("network_id", subnet.network().value());
        view.put("tenant_id", subnet.projectId());
        view.put("project_id", subnet.projectId());
        view.put("ip_version", 4);
        view.put("cidr", subnet.cidr().toString());
        view.put("gateway_ip", subnet.gatewayIp() == null ? null : subnet.gatewayIp().toString());
        view.put("allocation_pools", subnet.pools().stream()
                .map(pool -> pair("start", pool.start().toString(), "end", pool.end().toString())).toList());
        view.put("enable_dhcp", subnet.enableDhcp());
        view.put("dns_nameservers", List.of());
        view.put("host_routes", List.of());
        return view;
    }

    static Map<String, Object> port(PortRow port) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", port.id().value());
        view.put("name", port.name());
        view.put("network_id", port.network().value());
        view.put("tenant_id", port.projectId());
        view.put("project_id", port.projectId());
        view.put("mac_address", port.mac().toString());
        view.put("admin_state_up", port.adminStateUp());
        view.put("status", port.status());
        view.put("fixed_ips", port.fixedIps().stream().map(ip -> pair("subnet_id", ip.subnet().value(),
                "ip_address", ip.address().toString())).toList());
        view.put("device_id", port.deviceId());
        view.put("device_owner", port.deviceOwner());
        view.put("binding:host_id", port.hostId());
        return view;
    }

    /** A router is ACTIVE once stored: there is nothing to deploy for it (its DLR is STORED). */
    static Map<String, Object> router(RouterRow router, List<StaticRoute> routes) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", router.id().value());
        view.put("name", router.name());
        view.put("tenant_id", router.projectId());
        view.put("project_id", router.projectId());
        view.put("admin_state_up", router.adminStateUp());
        view.put("status", "ACTIVE");
        view.put("distributed", router.distributed());
        view.put("routes", routes.stream().map(route -> pair("destination", route.network().toString(),
                "nexthop", route.nextHop().toString())).toList());
        view.put("external_gateway_info", null);
        return view;
    }

    /** A two-key dictionary in Neutron's key order (Map.of has none). */
    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put(key1, value1);
        pair.put(key2, value2);
        return pair;
    }
}
