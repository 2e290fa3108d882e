package org.netweave.dataplane;

import java.util.Map;
import java.util.Objects;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * A VTEP that Netweave does not manage — a Linux host's kernel {@code vxlan} device, a hardware
 * switch — attached to a logical switch with the endpoints behind it. Frames from it are
 * accepted, frames to its MACs are sent to it, and it gets head-end copies of BUM traffic. It
 * never receives Netweave's private VXLAN flags.
 *
 * @param ip        the VTEP's address
 * @param endpoints IP → MAC of the endpoints behind it (feeds ARP suppression and routing)
 */
public record ExternalVtep(Ipv4Address ip, Map<Ipv4Address, MacAddress> endpoints) {
    public ExternalVtep {
        Objects.requireNonNull(ip, "ip");
        endpoints = Map.copyOf(endpoints);
    }
}
