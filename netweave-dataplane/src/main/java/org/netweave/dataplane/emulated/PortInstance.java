package org.netweave.dataplane.emulated;

import org.netweave.dataplane.VnicPort;

/** A vNIC port installed on the host's virtual switch. */
final class PortInstance {
    final int index;
    final VnicPort spec;
    final SwitchInstance ls;
    final long mac;
    PortEndpoint endpoint;

    PortInstance(int index, VnicPort spec, SwitchInstance ls) {
        this.index = index;
        this.spec = spec;
        this.ls = ls;
        this.mac = spec.mac().value();
    }
}
