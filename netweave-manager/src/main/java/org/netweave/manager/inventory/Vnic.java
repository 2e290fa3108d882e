package org.netweave.manager.inventory;

import java.util.Optional;

import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;

/**
 * A VM's virtual NIC as stored.
 *
 * @param index         0, 1, … in the order the VM was created with
 * @param logicalSwitch the logical switch it is attached to; the network package attaches it
 */
public record Vnic(int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<LogicalSwitchId> logicalSwitch) {
}
