package org.netweave.manager.neutron;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.lswitch.LogicalSwitch;
import org.netweave.manager.network.lswitch.LogicalSwitchAdminService;
import org.netweave.manager.network.lswitch.LogicalSwitchRequest;
import org.netweave.manager.network.zone.TransportZoneConfig;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.store.Store;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;

/**
 * Neutron networks. A network IS a logical switch: creating one creates the switch through the
 * manager's own logical-switch service (VNI from the segment pools, the zone's replication mode) in
 * the same write, and deleting it deletes the switch, with the same checks as {@code /api/v1}.
 */
final class NetworkService {
    /** VXLAN's 50 bytes of headers below a 1500-byte underlay MTU, as Neutron computes a vxlan network's MTU. */
    static final int VXLAN_MTU = 1450;
    private static final Set<String> CREATE = Set.of("name", "admin_state_up", "shared", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "admin_state_up", "shared");

    private final Store store;
    private final LogicalSwitchAdminService switches;
    private final Optional<TransportZoneId> configuredZone;

    NetworkService(Store store, LogicalSwitchAdminService switches, Optional<TransportZoneId> configuredZone) {
        this.store = store;
        this.switches = switches;
        this.configuredZone = configuredZone;
    }

    List<Map<String, Object>> list(NeutronQuery query) {
        return store.read(handle -> {
            Map<NeutronNetworkId, List<NeutronSubnetId>> subnets = SubnetStore.list(handle).stream()
                    .collect(Collectors.groupingBy(SubnetRow::network,
                            Collectors.mapping(SubnetRow::id, Collectors.toList())));
            return query.apply(NetworkStore.list(handle).stream()
                    .map(network -> NeutronViews.network(network, subnets.getOrDefault(network.id(), List.of())))
                    .toList());
        });
    }

    Map<String, Object> get(NeutronNetworkId id, NeutronQuery query) {
        return store.read(handle -> query.project(view(handle, find(handle, id))));
    }

    Map<String, Object> create(String json) {
        NeutronBody body = NeutronBody.wrapped(json, "network", CREATE);
        String name = body.text("name", "", 255);
        boolean up = body.bool("admin_state_up").orElse(true);
        boolean shared = body.bool("shared").orElse(false);
        String project = Projects.of(body);
        return store.write((handle, generation) -> {
            TransportZoneId zone = TransportZoneChoice.choose(configuredZone,
                    TransportZoneStore.list(handle).stream().map(TransportZoneConfig::id).toList());
            NeutronNetworkId id = NeutronNetworkId.fresh();
            // The switch is named after the network's id: Neutron names need not be unique, switch names must.
            LogicalSwitch logicalSwitch = switches.create(handle, generation,
                    new LogicalSwitchRequest("neutron-" + id, zone.value(), null, null));
            NetworkRow network = new NetworkRow(id, LogicalSwitchId.of(logicalSwitch.id()), name, project, up, shared,
                    VXLAN_MTU);
            NetworkStore.insert(handle, network, generation);
            return view(handle, network);
        }).value();
    }

    Map<String, Object> update(NeutronNetworkId id, String json) {
        NeutronBody body = NeutronBody.wrapped(json, "network", UPDATE);
        return store.write((handle, generation) -> {
            NetworkRow old = find(handle, id);
            NetworkRow network = new NetworkRow(id, old.logicalSwitch(), body.text("name", old.name(), 255),
                    old.projectId(), body.bool("admin_state_up").orElse(old.adminStateUp()),
                    body.bool("shared").orElse(old.shared()), old.mtu());
            NetworkStore.update(handle, network, generation);
            return view(handle, network);
        }).value();
    }

    /** Refused while ports use it; its subnets go with it, then its logical switch. */
    void delete(NeutronNetworkId id) {
        store.write((handle, generation) -> {
            NetworkRow network = find(handle, id);
            if (!PortStore.ofNetwork(handle, id).isEmpty()) {
                throw NeutronException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                        + ". There are one or more ports still in use on the network.");
            }
            NetworkStore.delete(handle, id);
            switches.delete(handle, generation, network.logicalSwitch());
            return null;
        });
    }

    static NetworkRow find(Handle handle, NeutronNetworkId id) {
        return NetworkStore.get(handle, id).orElseThrow(() -> NeutronException.notFound("Network", id.value()));
    }

    private static Map<String, Object> view(Handle handle, NetworkRow network) {
        return NeutronViews.network(network, SubnetStore.ofNetwork(handle, network.id()).stream().map(SubnetRow::id).toList());
    }
}
