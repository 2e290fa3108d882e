package org.netweave.manager.neutron;

import org.netweave.model.Ipv4Address;

/** One address of a port, in one subnet of the port's network. */
record FixedIp(NeutronSubnetId subnet, Ipv4Address address) {
}
