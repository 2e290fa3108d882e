package org.netweave.controller.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/**
 * Everything a node's runtime tables hold, sorted and by host rather than by connection, so two
 * snapshots compare with {@code equals}: the tables the new owners rebuild after a failover (hosts
 * reconnect with new connection ids and re-report) equal the tables before it.
 */
public record RuntimeTablesSnapshot(List<LogicalSwitchTables> logicalSwitches, List<DlrTables> dlrs) {
    public RuntimeTablesSnapshot {
        logicalSwitches = logicalSwitches.stream()
                .sorted(Comparator.comparing((LogicalSwitchTables t) -> t.settings().vni())).toList();
        dlrs = dlrs.stream().sorted(Comparator.comparing(DlrTables::id)).toList();
    }

    /**
     * The cluster's tables from every node's snapshot. An object held by two nodes at once is a
     * split brain, not something to merge, so it is refused.
     *
     * @throws IllegalStateException naming the object two snapshots both hold
     */
    public static RuntimeTablesSnapshot merge(Collection<RuntimeTablesSnapshot> parts) {
        List<LogicalSwitchTables> switches = new ArrayList<>();
        List<DlrTables> routers = new ArrayList<>();
        Set<Vni> vnis = new HashSet<>();
        Set<DlrId> dlrIds = new HashSet<>();
        for (RuntimeTablesSnapshot part : parts) {
            for (LogicalSwitchTables s : part.logicalSwitches()) {
                if (!vnis.add(s.settings().vni())) {
                    throw new IllegalStateException("vni " + s.settings().vni() + " is held by two nodes");
                }
                switches.add(s);
            }
            for (DlrTables d : part.dlrs()) {
                if (!dlrIds.add(d.id())) {
                    throw new IllegalStateException("dlr " + d.id() + " is held by two nodes");
                }
                routers.add(d);
            }
        }
        return new RuntimeTablesSnapshot(switches, routers);
    }
}
