package org.netweave.controlvm;

import java.util.Objects;

import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LifId;

/**
 * What the control VM needs of a LIF: its id and its address with the subnet. The segment, vMAC
 * and MTU matter to hosts, not to route resolution, so the control VM does not keep them.
 *
 * @param address the gateway address, e.g. 10.0.1.1/24; its subnet is the LIF's connected route
 */
public record LifAddress(LifId lif, Ipv4InterfaceAddress address) {
    public LifAddress {
        Objects.requireNonNull(lif, "lif");
        Objects.requireNonNull(address, "address");
    }
}
