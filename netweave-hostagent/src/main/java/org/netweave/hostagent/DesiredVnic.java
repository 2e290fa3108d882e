package org.netweave.hostagent;

import java.util.Objects;
import java.util.Optional;

import org.netweave.model.EndpointId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * A vNIC of a VM running on the host.
 *
 * @param index the vNIC's position on its VM (0 for the first)
 * @param ip    empty when the VM has no known address
 * @param vni   empty when the vNIC is not attached to a logical switch
 */
public record DesiredVnic(EndpointId vm, int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<Vni> vni,
                          boolean connected) {
    public DesiredVnic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(vni, "vni");
        if (index < 0) {
            throw new InvalidValueException("index", Integer.toUnsignedString(index), "is not a vNIC index");
        }
    }
}
