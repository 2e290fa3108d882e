package org.netweave.controller.runtime;

import java.util.List;
import java.util.Optional;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;

/**
 * A DLR's runtime state in a form that compares equal across owners: hosts by id, never by
 * connection.
 *
 * @param joinedHosts the hosts with at least one joined connection, sorted, each once
 * @param controlVm   the control VM that last pushed the forwarding table, if any has
 * @param state       what hosts are sent
 */
public record DlrTables(String name, List<HostId> joinedHosts, Optional<ControlVmId> controlVm,
        DlrStateSnapshot state) {
    public DlrTables {
        Fields.name("name", name);
        joinedHosts = joinedHosts.stream().distinct().sorted().toList();
        Fields.present("controlVm", controlVm);
        Fields.present("state", state);
    }

    public DlrId id() {
        return state.dlrId();
    }
}
