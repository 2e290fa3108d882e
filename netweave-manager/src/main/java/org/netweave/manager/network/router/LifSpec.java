package org.netweave.manager.network.router;

import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VlanId;

/**
 * A LIF a client asked for, parsed but without an index yet.
 *
 * @param path where it stood in the request ({@code interfaces[2]}, or empty for a body that is
 *             the interface itself), so errors name its fields by their full path
 */
public record LifSpec(String path, String name, LifType type, LogicalSwitchId logicalSwitch, VlanId vlan,
                      Ipv4InterfaceAddress address, int mtu) {

    /** The request path of one of its fields: {@code interfaces[2].address} or {@code address}. */
    public String field(String name) {
        return field(path, name);
    }

    /** {@code field("interfaces[2]", "address")} is {@code interfaces[2].address}; an empty path gives the name. */
    public static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public String network() {
        return logicalSwitch != null ? "logical switch " + logicalSwitch : "VLAN " + vlan;
    }
}
