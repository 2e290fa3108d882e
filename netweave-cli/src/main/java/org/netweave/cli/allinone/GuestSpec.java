package org.netweave.cli.allinone;

import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VmId;

/**
 * What the inventory says a guest's vNIC is: where it runs and with which MAC, address and
 * logical switch, and the network configuration that gives it.
 */
record GuestSpec(VmId vm, int vnic, PortId port, HostId host, MacAddress mac, Ipv4Address ip, String logicalSwitchId,
                 GuestNetwork network) {

    /** Whether the guest must be restarted to match: anything but the host changed. */
    boolean differsFromStarted(GuestSpec started) {
        return !mac.equals(started.mac) || !ip.equals(started.ip) || !logicalSwitchId.equals(started.logicalSwitchId)
                || !network.equals(started.network);
    }
}
