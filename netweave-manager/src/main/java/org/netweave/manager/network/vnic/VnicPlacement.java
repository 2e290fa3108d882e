package org.netweave.manager.network.vnic;

import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/**
 * A VM's vNIC with where it runs and what it is attached to.
 *
 * @param ip             its address as the inventory knows it, or null
 * @param logicalSwitch  the switch it is attached to, or null when detached
 */
public record VnicPlacement(VmId vm, int index, MacAddress mac, Ipv4Address ip, HostId host, ClusterId cluster,
                            LogicalSwitchId logicalSwitch, long generation) {
}
