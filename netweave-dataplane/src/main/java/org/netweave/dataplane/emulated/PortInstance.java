package org.netweave.dataplane.emulated;

import java.util.Arrays;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;

/** A vNIC port installed on the host's virtual switch. */
final class PortInstance {
    final int index;
    final VnicPort spec;
    final SwitchInstance ls;
    final long mac;
    /** The addresses the VM may send from, ascending; empty: not checked. */
    private final int[] addresses;
    PortEndpoint endpoint;

    PortInstance(int index, VnicPort spec, SwitchInstance ls) {
        this.index = index;
        this.spec = spec;
        this.ls = ls;
        this.mac = spec.mac().value();
        this.addresses = spec.addresses().stream().mapToInt(Ipv4Address::value).sorted().toArray();
    }

    /** Whether the VM may send from {@code ip}: one of its addresses (any, when it has none yet). */
    boolean maySendFrom(int ip) {
        return addresses.length == 0 || Arrays.binarySearch(addresses, ip) >= 0;
    }
}
