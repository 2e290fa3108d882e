package org.netweave.manager.network.router;

import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * A logical interface of a DLR as stored: on a logical switch (with that switch's VNI) or on a
 * VLAN, never both.
 *
 * @param logicalSwitch the switch, or null for a VLAN LIF
 * @param vni           the switch's VNI, or null for a VLAN LIF
 * @param vlan          the VLAN, or null for a switch LIF
 * @param mac           the vMAC, the same on every host ({@link #VIRTUAL_MAC})
 */
public record Lif(int index, String name, LifType type, LogicalSwitchId logicalSwitch, Vni vni, VlanId vlan,
                  Ipv4InterfaceAddress address, MacAddress mac, int mtu, long generation) {
    /**
     * NSX gives every LIF of every DLR one vMAC, so a VM's gateway MAC does not change when it
     * moves between hosts; hosts rewrite it to their own pMAC on the uplink.
     */
    public static final MacAddress VIRTUAL_MAC = MacAddress.parse("02:50:56:56:44:52");

    public Lif {
        if ((logicalSwitch == null) == (vlan == null)) {
            throw new IllegalArgumentException("LIF " + index + " needs exactly one of a logical switch and a VLAN");
        }
        if (LifType.ofIndex(index) != type) {
            throw new IllegalArgumentException("LIF index " + index + " is not in the " + type + " range");
        }
    }

    public Ipv4Prefix subnet() {
        return address.subnet();
    }

    /** {@code logical switch virtualwire-1} or {@code VLAN 100}, for messages. */
    public String network() {
        return logicalSwitch != null ? "logical switch " + logicalSwitch : "VLAN " + vlan;
    }
}
