package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.netweave.controller.client.HostSession;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.VniTables;

/** What a test's host session holds, for conditions that are awaited. */
final class SessionTables {
    private SessionTables() {
    }

    /** The host's tables on the VNI; an assertion failure (so awaited again) while it has none yet. */
    static VniTables of(HostSession host, Vni vni) {
        VniTables tables = host.vniTables().get(vni);
        assertThat(tables).as(host.host() + " has no tables on VNI " + vni + " yet").isNotNull();
        return tables;
    }
}
