package org.netweave.cli.allinone;

import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.model.HostId;
import org.netweave.model.PortId;
import org.netweave.model.VmId;

/**
 * A VM's guest operating system as far as the network sees it: one emulated endpoint per vNIC,
 * plugged into the vNIC's port on the host the VM runs on. It keeps its ARP cache across a vMotion.
 */
record Guest(VmId vm, int vnic, PortId port, EmulatedEndpoint endpoint, HostId host) {
    Guest on(HostId next) {
        return new Guest(vm, vnic, port, endpoint, next);
    }
}
