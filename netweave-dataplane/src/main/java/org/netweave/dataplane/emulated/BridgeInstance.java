package org.netweave.dataplane.emulated;

import org.netweave.dataplane.Bridge;

/**
 * The L2 bridge instance between a logical switch and a VLAN, running on this host. Its MAC
 * table is the switch's own: VLAN-side MACs are entries of kind {@link MacDestination#VLAN}.
 */
final class BridgeInstance {
    final Bridge spec;
    final SwitchInstance ls;
    final int vlan;

    BridgeInstance(Bridge spec, SwitchInstance ls) {
        this.spec = spec;
        this.ls = ls;
        this.vlan = spec.vlan().value();
    }
}
