package org.netweave.hostagent;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.dataplane.ExternalVtep;
import org.netweave.model.Ipv4Address;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/**
 * A logical switch of the host's transport zones, as the manager configures it.
 *
 * @param externalVteps VTEPs the manager does not run, by address, with the endpoints behind them
 */
public record DesiredLogicalSwitch(Vni vni, String name, ReplicationMode replicationMode,
                                   SortedMap<Ipv4Address, ExternalVtep> externalVteps) {
    public DesiredLogicalSwitch {
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(replicationMode, "replicationMode");
        externalVteps = Collections.unmodifiableSortedMap(new TreeMap<>(externalVteps));
    }

    /** A switch without external VTEPs. */
    public DesiredLogicalSwitch(Vni vni, String name, ReplicationMode replicationMode) {
        this(vni, name, replicationMode, new TreeMap<>());
    }
}
