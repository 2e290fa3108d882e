package org.netweave.hostagent;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.netweave.model.EndpointId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * A vNIC of a VM running on the host.
 *
 * @param index    the vNIC's position on its VM (0 for the first)
 * @param ip       empty when the VM has no known address
 * @param vni      empty when the vNIC is not attached to a logical switch
 * @param otherIps further addresses the VM was given (a Neutron port's other fixed IPs)
 */
public record DesiredVnic(EndpointId vm, int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<Vni> vni,
                          boolean connected, Set<Ipv4Address> otherIps) {
    public DesiredVnic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(vni, "vni");
        otherIps = Set.copyOf(otherIps);
        if (index < 0) {
            throw new InvalidValueException("index", Integer.toUnsignedString(index), "is not a vNIC index");
        }
    }

    public DesiredVnic(EndpointId vm, int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<Vni> vni,
                       boolean connected) {
        this(vm, index, mac, ip, vni, connected, Set.of());
    }

    /** Every address the VM may send from (SpoofGuard). */
    public Set<Ipv4Address> addresses() {
        Set<Ipv4Address> all = new TreeSet<>(otherIps);
        ip.ifPresent(all::add);
        return all;
    }
}
