package org.netweave.cli.allinone;

import java.util.Map;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;

/**
 * How a lab guest configures its interface, as DHCP on the DLR's subnet would: the prefix of the
 * LIF on the vNIC's logical switch, with the LIF's address as default gateway. A switch without a
 * LIF gives the lab's template: a /24 with the gateway at .1.
 *
 * @param address its address and prefix length
 * @param gateway its default gateway
 */
record GuestNetwork(Ipv4InterfaceAddress address, Ipv4Address gateway) {

    /**
     * @param lifsBySwitch the LIF address of each logical switch that has one (id → 10.0.1.1/24)
     */
    static GuestNetwork of(Ipv4Address ip, String logicalSwitchId, Map<String, Ipv4InterfaceAddress> lifsBySwitch) {
        Ipv4InterfaceAddress lif = lifsBySwitch.get(logicalSwitchId);
        if (lif != null && lif.subnet().contains(ip)) {
            return new GuestNetwork(new Ipv4InterfaceAddress(ip, lif.prefixLength()), lif.address());
        }
        return new GuestNetwork(new Ipv4InterfaceAddress(ip, 24), Ipv4Address.of((ip.value() & 0xFFFF_FF00) | 1));
    }
}
