package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.store.Store;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/** Neutron subnets: IPv4 ranges of a network that ports take their fixed IPs from (no native counterpart). */
final class SubnetService {
    private static final Set<String> CREATE = Set.of("name", "network_id", "ip_version", "cidr", "gateway_ip",
            "allocation_pools", "enable_dhcp", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "gateway_ip", "allocation_pools", "enable_dhcp");

    private final Store store;

    SubnetService(Store store) {
        this.store = store;
    }

    List<Map<String, Object>> list(NeutronQuery query) {
        return store.read(handle -> query.apply(SubnetStore.list(handle).stream().map(NeutronViews::subnet).toList()));
    }

    Map<String, Object> get(NeutronSubnetId id, NeutronQuery query) {
        return store.read(handle -> query.project(NeutronViews.subnet(find(handle, id))));
    }

    Map<String, Object> create(String json) {
        NeutronBody body = NeutronBody.wrapped(json, "subnet", CREATE);
        NeutronNetworkId networkId = new NeutronNetworkId(body.text("network_id")
                .orElseThrow(() -> NeutronException.invalid("network_id", "network_id is required")));
        int version = body.integer("ip_version")
                .orElseThrow(() -> NeutronException.invalid("ip_version", "ip_version is required"));
        if (version != 4) {
            throw NeutronException.invalid("ip_version", version + " is not supported: the network model is IPv4 only");
        }
        Ipv4Prefix cidr = SubnetRules.cidr(body.text("cidr")
                .orElseThrow(() -> NeutronException.invalid("cidr", "cidr is required (subnet pools are not supported)")));
        Ipv4Address gateway = SubnetRules.gateway(cidr, gatewayAttribute(body));
        List<AllocationPool> pools = body.objects("allocation_pools").map(raw -> SubnetRules.checkPools(cidr, gateway,
                pools(raw))).orElseGet(() -> SubnetRules.defaultPools(cidr, gateway));
        String name = body.text("name", "", 255);
        boolean dhcp = body.bool("enable_dhcp").orElse(true);
        String project = Projects.of(body);
        return store.write((handle, generation) -> {
            NetworkService.find(handle, networkId);
            for (SubnetRow other : SubnetStore.ofNetwork(handle, networkId)) {
                if (other.cidr().overlaps(cidr)) {
                    throw NeutronException.invalid("cidr", "Requested subnet with cidr: " + cidr + " for network: "
                            + networkId + " overlaps with another subnet (" + other.id() + ", " + other.cidr() + ")");
                }
            }
            SubnetRow subnet = new SubnetRow(NeutronSubnetId.fresh(), networkId, name, project, cidr, gateway, pools, dhcp);
            SubnetStore.insert(handle, subnet, generation);
            return NeutronViews.subnet(subnet);
        }).value();
    }

    Map<String, Object> update(NeutronSubnetId id, String json) {
        NeutronBody body = NeutronBody.wrapped(json, "subnet", UPDATE);
        return store.write((handle, generation) -> {
            SubnetRow old = find(handle, id);
            Ipv4Address gateway = body.has("gateway_ip") ? SubnetRules.gateway(old.cidr(), gatewayAttribute(body))
                    : old.gatewayIp();
            boolean changed = !Objects.equals(gateway, old.gatewayIp());
            if (changed && routed(handle, old)) {
                throw NeutronException.conflict("GatewayIpInUse", "Gateway ip " + old.gatewayIp() + " of subnet " + id
                        + " is a router's interface; remove the interface before changing gateway_ip");
            }
            if (gateway != null && changed && PortStore.usedAddresses(handle, id).contains(gateway)) {
                throw NeutronException.conflict("GatewayIpInUse", "Gateway ip " + gateway + " is in use by a port of"
                        + " subnet " + id);
            }
            // Absent or null allocation_pools keeps the old pools; new or old, they must leave out the gateway.
            List<AllocationPool> pools = SubnetRules.checkPools(old.cidr(), gateway,
                    body.objects("allocation_pools").map(SubnetService::pools).orElse(old.pools()));
            SubnetRow subnet = new SubnetRow(id, old.network(), body.text("name", old.name(), 255), old.projectId(),
                    old.cidr(), gateway, pools, body.bool("enable_dhcp").orElse(old.enableDhcp()));
            SubnetStore.update(handle, subnet, generation);
            return NeutronViews.subnet(subnet);
        }).value();
    }

    /** Refused while a port (a router interface too) holds an address of it. */
    void delete(NeutronSubnetId id) {
        store.write((handle, generation) -> {
            find(handle, id);
            if (!PortStore.onSubnet(handle, id).isEmpty()) {
                throw NeutronException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                        + ": One or more ports have an IP allocation from this subnet.");
            }
            SubnetStore.delete(handle, id);
            return null;
        });
    }

    /** Whether a router has an interface on the subnet (its LIF holds the subnet's address). */
    private static boolean routed(Handle handle, SubnetRow subnet) {
        return PortStore.ofNetwork(handle, subnet.network()).stream().filter(PortRow::isRouterInterface)
                .anyMatch(port -> port.fixedIps().stream().anyMatch(ip -> ip.subnet().equals(subnet.id())));
    }

    static SubnetRow find(Handle handle, NeutronSubnetId id) {
        return SubnetStore.get(handle, id).orElseThrow(() -> NeutronException.notFound("Subnet", id.value()));
    }

    /** Absent: the default gateway; present and null: none; else the address given. */
    private static Optional<Optional<String>> gatewayAttribute(NeutronBody body) {
        return body.has("gateway_ip") ? Optional.of(body.text("gateway_ip")) : Optional.empty();
    }

    private static List<AllocationPool> pools(List<NeutronBody> raw) {
        List<AllocationPool> pools = new ArrayList<>();
        for (NeutronBody pool : raw) {
            pools.add(new AllocationPool(
                    NeutronValues.ipv4("allocation_pools", pool.text("start")
                            .orElseThrow(() -> NeutronException.invalid("allocation_pools", "a pool needs a start"))),
                    NeutronValues.ipv4("allocation_pools", pool.text("end")
                            .orElseThrow(() -> NeutronException.invalid("allocation_pools", "a pool needs an end")))));
        }
        return pools;
    }
}
