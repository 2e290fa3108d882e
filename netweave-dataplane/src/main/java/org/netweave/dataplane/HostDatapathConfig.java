package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/**
 * What a hypervisor's data plane is given once, at host preparation: its VTEP (the VMkernel
 * port that carries VXLAN), the VTEP's segment (its IP subnet, which decides BUM replication),
 * the host's router MAC and the VXLAN UDP port used across the transport zone.
 *
 * @param hostId    the hypervisor
 * @param vtepIp    the VTEP address; VXLAN leaves and arrives here
 * @param vtepSegment the VTEP's subnet; VTEPs in the same segment get L2 copies, others a proxy copy
 * @param vtepMac   the MAC of the VTEP VMkernel port, the outer source MAC on the wire
 * @param routerMac the per-host router MAC (NSX pMAC, Neutron DVR MAC): the source of every
 *                  routed frame that leaves this host, so no two hosts source the same MAC
 * @param vxlanPort the VXLAN UDP port (4789 by default; NSX-V used 8472)
 */
public record HostDatapathConfig(
        HostId hostId,
        Ipv4Address vtepIp,
        Ipv4Prefix vtepSegment,
        MacAddress vtepMac,
        MacAddress routerMac,
        int vxlanPort) {

    public static final int DEFAULT_VXLAN_PORT = 4789;

    public HostDatapathConfig {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(vtepIp, "vtepIp");
        Objects.requireNonNull(vtepSegment, "vtepSegment");
        Objects.requireNonNull(vtepMac, "vtepMac");
        Objects.requireNonNull(routerMac, "routerMac");
        if (!vtepSegment.contains(vtepIp)) {
            throw new InvalidValueException("vtepSegment", vtepSegment, "does not contain the VTEP address " + vtepIp);
        }
        if (routerMac.isMulticast() || routerMac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("routerMac", routerMac, "must be a unicast MAC");
        }
        if (vxlanPort < 1 || vxlanPort > 65535) {
            throw new InvalidValueException("vxlanPort", vxlanPort, "is outside 1-65535");
        }
    }
}
