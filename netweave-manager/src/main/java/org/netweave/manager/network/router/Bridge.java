package org.netweave.manager.network.router;

import org.netweave.model.BridgeId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** An L2 bridge of a DLR between one logical switch (with its VNI) and one VLAN. */
public record Bridge(BridgeId id, String name, LogicalSwitchId logicalSwitch, Vni vni, VlanId vlan, long generation) {
}
