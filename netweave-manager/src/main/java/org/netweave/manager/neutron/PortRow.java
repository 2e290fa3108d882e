package org.netweave.manager.neutron;

import java.util.List;

import org.netweave.model.MacAddress;

/**
 * A Neutron port as stored.
 *
 * @param deviceId    what uses it (a VM's or router's id), empty when nothing does
 * @param deviceOwner e.g. {@code compute:nova} or {@code network:router_interface_distributed}; may be empty
 * @param hostId      {@code binding:host_id}, empty when unbound
 * @param status      DOWN until an agent reports the port up
 */
record PortRow(NeutronPortId id, NeutronNetworkId network, String name, String projectId, MacAddress mac,
               boolean adminStateUp, String deviceId, String deviceOwner, String hostId, String status,
               List<FixedIp> fixedIps) {
    PortRow {
        fixedIps = List.copyOf(fixedIps);
    }

    boolean isRouterInterface() {
        return DeviceOwners.isRouterInterface(deviceOwner);
    }
}
