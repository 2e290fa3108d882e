package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.InvalidValueException;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/** A VM's vNIC port on the host's virtual switch, connected to one logical switch. */
public record VnicPort(PortId id, Vni vni, MacAddress mac) {
    public VnicPort {
        Objects.requireNonNull(id, "portId");
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(mac, "mac");
        if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("mac", mac, "must be a unicast MAC");
        }
    }
}
