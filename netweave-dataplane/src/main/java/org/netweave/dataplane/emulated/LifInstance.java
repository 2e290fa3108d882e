package org.netweave.dataplane.emulated;

import org.netweave.dataplane.Lif;

/** A DLR logical interface installed on a host, bound to its logical switch instance. */
final class LifInstance {
    final Lif spec;
    final RouterInstance router;
    final SwitchInstance ls;
    final int ip;
    final long vmac;
    final String name;

    LifInstance(Lif spec, RouterInstance router, SwitchInstance ls) {
        this.spec = spec;
        this.router = router;
        this.ls = ls;
        this.ip = spec.address().address().value();
        this.vmac = spec.vmac().value();
        this.name = spec.id().value();
    }
}
