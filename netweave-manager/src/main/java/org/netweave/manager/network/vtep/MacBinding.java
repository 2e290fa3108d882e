package org.netweave.manager.network.vtep;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** A MAC behind an external VTEP, with its IPv4 address if known (for ARP suppression), else null. */
public record MacBinding(MacAddress mac, Ipv4Address ip) {
}
