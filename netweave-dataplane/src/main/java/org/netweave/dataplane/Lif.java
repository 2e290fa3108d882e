package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * A DLR logical interface on a logical switch.
 *
 * @param id        unique within the DLR
 * @param type      internal or uplink
 * @param vni       the logical switch it connects; a logical switch belongs to at most one DLR
 * @param address   the gateway address and subnet, e.g. 10.0.1.1/24
 * @param vmac      the gateway MAC VMs resolve the gateway to: the same on every host, so a VM
 *                  keeps its gateway after vMotion
 * @param designatedInstance whether this host answers for the LIF towards endpoints that are not
 *                  VMs on a Netweave host (external VTEPs), as NSX's designated instance does
 *                  for VLAN LIFs; exactly one host per LIF should be designated
 */
public record Lif(LifId id, LifType type, Vni vni, Ipv4InterfaceAddress address, MacAddress vmac,
        boolean designatedInstance) {
    public Lif {
        Objects.requireNonNull(id, "lifId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(vmac, "vmac");
        if (vmac.isMulticast() || vmac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("vmac", vmac, "must be a unicast MAC");
        }
    }
}
