package org.netweave.manager.hosttables;

import java.util.Optional;

import org.netweave.dataplane.DatapathTables;
import org.netweave.model.HostId;

/**
 * Where the manager reads a host's installed datapath tables for the operator views
 * ({@code show logical-switch host …}, {@code show logical-router host …}), as NSX Manager's
 * central CLI asks a host over its message bus. The all-in-one mode reads its emulated hosts
 * directly; a manager without a way to reach hosts has {@link #NONE}.
 */
@FunctionalInterface
public interface HostTablesSource {
    /** No host reachable: every host view answers 503. */
    HostTablesSource NONE = host -> Optional.empty();

    /** The tables {@code host}'s datapath holds now; empty when the host cannot be asked. */
    Optional<DatapathTables> tables(HostId host);
}
