package org.netweave.hostagent;

import java.util.Objects;

import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/** A logical switch of the host's transport zones, as the manager configures it. */
public record DesiredLogicalSwitch(Vni vni, String name, ReplicationMode replicationMode) {
    public DesiredLogicalSwitch {
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(replicationMode, "replicationMode");
    }
}
