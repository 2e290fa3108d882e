package org.netweave.manager.inventory;

import java.util.Optional;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * A vNIC to give a new VM.
 *
 * @param mac empty: the manager allocates one from VMware's range 00:50:56:80:00:00–00:50:56:bf:ff:ff
 */
public record VnicSpec(Optional<MacAddress> mac, Optional<Ipv4Address> ip) {
    public static final VnicSpec ALLOCATED = new VnicSpec(Optional.empty(), Optional.empty());

    public VnicSpec {
        mac.ifPresent(m -> {
            if (m.isMulticast() || m.equals(MacAddress.ZERO)) {
                throw new InvalidValueException("mac", m.toString(), "is not a unicast MAC address");
            }
        });
    }
}
