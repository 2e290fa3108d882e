package org.netweave.dataplane;

import java.util.Objects;
import java.util.Set;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/**
 * A VM's vNIC port on the host's virtual switch, connected to one logical switch.
 *
 * <p>The port's identity is also what it may send (NSX SpoofGuard, Neutron port security): frames
 * from it must carry {@code mac} as source, and ARP and IPv4 from it one of {@code addresses}
 * (or 0.0.0.0, which DHCP and ARP probes use). Anything else is dropped and counted as
 * {@link DropReason#SPOOFED_MAC} or {@link DropReason#SPOOFED_IP}, before it can teach any table.
 *
 * @param addresses the IPv4 addresses the VM was given; empty when it has none yet, and then only
 *                  the MAC is checked
 */
public record VnicPort(PortId id, Vni vni, MacAddress mac, Set<Ipv4Address> addresses) {
    public VnicPort {
        Objects.requireNonNull(id, "portId");
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(mac, "mac");
        if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("mac", mac, "must be a unicast MAC");
        }
        addresses = Set.copyOf(addresses);
    }

    /** A port whose VM has no IPv4 address yet: only its MAC is checked. */
    public VnicPort(PortId id, Vni vni, MacAddress mac) {
        this(id, vni, mac, Set.of());
    }
}
