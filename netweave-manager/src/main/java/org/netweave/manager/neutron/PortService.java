package org.netweave.manager.neutron;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.store.Store;
import org.netweave.model.MacAddress;

/**
 * Neutron ports: a MAC and fixed IPs on a network, with what uses them ({@code device_id},
 * {@code device_owner}) and where they are bound ({@code binding:host_id}). No native counterpart
 * (a native vNIC belongs to an inventory VM); a router's interface ports stand for its LIFs and are
 * made and removed only through add/remove_router_interface.
 */
final class PortService {
    static final String DOWN = "DOWN";
    private static final Set<String> CREATE = Set.of("name", "network_id", "mac_address", "fixed_ips", "device_id",
            "device_owner", "admin_state_up", "binding:host_id", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "fixed_ips", "device_id", "device_owner", "admin_state_up",
            "binding:host_id");
    /** What a router interface port's LIF is made of, so it changes only through the router. */
    private static final Set<String> OWNED_BY_ROUTER = Set.of("fixed_ips", "device_id", "device_owner");

    private final Store store;

    PortService(Store store) {
        this.store = store;
    }

    List<Map<String, Object>> list(NeutronQuery query) {
        return store.read(handle -> query.apply(PortStore.list(handle).stream().map(NeutronViews::port).toList()));
    }

    Map<String, Object> get(NeutronPortId id, NeutronQuery query) {
        return store.read(handle -> query.project(NeutronViews.port(find(handle, id))));
    }

    Map<String, Object> create(String json) {
        NeutronBody body = NeutronBody.wrapped(json, "port", CREATE);
        checkNotRouterOwner(body);
        NeutronNetworkId networkId = new NeutronNetworkId(body.text("network_id")
                .orElseThrow(() -> NeutronException.invalid("network_id", "network_id is required")));
        MacAddress requestedMac = body.text("mac_address").map(text -> NeutronValues.mac("mac_address", text)).orElse(null);
        String project = Projects.of(body);
        return store.write((handle, generation) -> {
            NetworkService.find(handle, networkId);
            MacAddress mac = requestedMac;
            if (mac == null) {
                mac = MacAllocation.next(handle, networkId);
            } else {
                checkMacFree(handle, networkId, mac);
            }
            PortRow port = new PortRow(NeutronPortId.fresh(), networkId, body.text("name", "", 255), project, mac,
                    body.bool("admin_state_up").orElse(true), body.text("device_id", "", 255),
                    body.text("device_owner", "", 255), body.text("binding:host_id", "", 255), DOWN,
                    FixedIpAllocation.resolve(handle, networkId, body.objects("fixed_ips"), List.of()));
            PortStore.insert(handle, port, generation);
            return NeutronViews.port(port);
        }).value();
    }

    Map<String, Object> update(NeutronPortId id, String json) {
        NeutronBody body = NeutronBody.wrapped(json, "port", UPDATE);
        checkNotRouterOwner(body);
        return store.write((handle, generation) -> {
            PortRow old = find(handle, id);
            if (old.isRouterInterface() && body.names().stream().anyMatch(OWNED_BY_ROUTER::contains)) {
                throw NeutronException.conflict("PortInUse", "Port " + id + " is an interface of router "
                        + old.deviceId() + "; its fixed_ips, device_id and device_owner change only through"
                        + " add_router_interface and remove_router_interface");
            }
            List<FixedIp> fixedIps = body.has("fixed_ips")
                    ? FixedIpAllocation.resolve(handle, old.network(), body.objects("fixed_ips").or(() -> Optional.of(List.of())),
                            old.fixedIps())
                    : old.fixedIps();
            PortRow port = new PortRow(id, old.network(), body.text("name", old.name(), 255), old.projectId(), old.mac(),
                    body.bool("admin_state_up").orElse(old.adminStateUp()), body.text("device_id", old.deviceId(), 255),
                    body.text("device_owner", old.deviceOwner(), 255),
                    body.text("binding:host_id", old.hostId(), 255), old.status(), fixedIps);
            PortStore.update(handle, port, generation);
            return NeutronViews.port(port);
        }).value();
    }

    void delete(NeutronPortId id) {
        store.write((handle, generation) -> {
            PortRow port = find(handle, id);
            if (port.isRouterInterface()) {
                throw NeutronException.conflict("ServicePortInUse", "Port " + id + " cannot be deleted directly via the"
                        + " port API: has device owner " + port.deviceOwner() + ".");
            }
            PortStore.delete(handle, id);
            return null;
        });
    }

    /**
     * Only add_router_interface makes a router interface port, because only it makes the LIF the
     * port stands for; a port that claimed the owner without one could be neither used nor deleted.
     */
    private static void checkNotRouterOwner(NeutronBody body) {
        body.text("device_owner").filter(DeviceOwners::isRouterInterface).ifPresent(owner -> {
            throw NeutronException.invalid("device_owner", "'" + owner + "' is given by add_router_interface, which"
                    + " also makes the router's interface; create the port without it and add it to the router");
        });
    }

    /** A MAC the client (or a router interface) brings must be free on the network: a 409 if a port holds it. */
    static void checkMacFree(Handle handle, NeutronNetworkId network, MacAddress mac) {
        if (PortStore.macTaken(handle, network, mac)) {
            throw NeutronException.conflict("MacAddressInUse", "Unable to complete operation for network "
                    + network + ". The mac address " + mac + " is in use.");
        }
    }

    static PortRow find(Handle handle, NeutronPortId id) {
        return PortStore.get(handle, id).orElseThrow(() -> NeutronException.notFound("Port", id.value()));
    }
}
