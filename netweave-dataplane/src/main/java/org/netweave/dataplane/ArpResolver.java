package org.netweave.dataplane;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * Answers an ARP-suppression query that the host's own cache could not: "who has this IP on
 * this logical switch?". In a full deployment the VNI's owning controller answers; a table
 * fills the role until then. Called on the forwarding thread, so it must answer from memory.
 */
@FunctionalInterface
public interface ArpResolver {
    ArpResolver NONE = (vni, ip) -> null;

    /** The MAC bound to {@code ip} on {@code vni}, or null if the resolver does not know it. */
    MacAddress resolve(Vni vni, Ipv4Address ip);
}
