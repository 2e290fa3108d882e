package org.netweave.cli.allinone;

import java.util.concurrent.locks.ReentrantLock;

import org.netweave.model.HostId;
import org.netweave.model.PortId;
import org.netweave.model.VmId;

/**
 * A VM's guest operating system as far as the network sees it: one guest machine per vNIC,
 * plugged into the vNIC's port on the host the VM runs on. It keeps its ARP cache across a vMotion.
 *
 * <p>A ping runs on the forwarding thread of the host the guest is plugged into, so a move waits
 * for a running ping to end and a ping waits for a move: {@link #lock} serialises them.
 *
 * @param started what the inventory said when the guest was started; a change of address, switch
 *                or MAC restarts it
 * @param host    where it runs now, which a vMotion changes
 */
record Guest(GuestSpec started, GuestMachine machine, HostId host, ReentrantLock lock) {
    VmId vm() {
        return started.vm();
    }

    int vnic() {
        return started.vnic();
    }

    PortId port() {
        return started.port();
    }

    Guest on(HostId next) {
        return new Guest(started, machine, next, lock);
    }
}
