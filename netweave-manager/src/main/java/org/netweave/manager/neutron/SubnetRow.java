package org.netweave.manager.neutron;

import java.util.List;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * A Neutron subnet as stored. The model is IPv4 only, so {@code ip_version} is always 4.
 *
 * @param gatewayIp the gateway, or null for a subnet without one
 * @param pools     where addresses for ports come from, in order
 */
record SubnetRow(NeutronSubnetId id, NeutronNetworkId network, String name, String projectId, Ipv4Prefix cidr,
                 Ipv4Address gatewayIp, List<AllocationPool> pools, boolean enableDhcp) {
    SubnetRow {
        pools = List.copyOf(pools);
    }
}
