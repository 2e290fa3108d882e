package org.netweave.manager.neutron;

import org.netweave.model.Ipv4Address;

/** A range of a subnet's addresses that ports get their fixed IPs from, both ends included. */
record AllocationPool(Ipv4Address start, Ipv4Address end) {
    boolean contains(Ipv4Address address) {
        return Integer.compareUnsigned(address.value(), start.value()) >= 0
                && Integer.compareUnsigned(address.value(), end.value()) <= 0;
    }
}
