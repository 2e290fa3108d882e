package org.netweave.controller.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/**
 * The runtime tables of one controller node: a {@link LogicalSwitchRuntime} per owned VNI and a
 * {@link DlrRuntime} per owned DLR. Owning an object is decided elsewhere (the slice assignment);
 * this class only holds what the node owns now and lets go of what it loses.
 *
 * <p>Not thread-safe: the owner calls it from one thread (see the package documentation).
 */
public final class RuntimeTables {
    private final ControllerId node;
    private final Map<Vni, LogicalSwitchRuntime> switches = new HashMap<>();
    private final Map<DlrId, DlrRuntime> dlrs = new HashMap<>();

    public RuntimeTables(ControllerId node) {
        this.node = Fields.present("node", node);
    }

    /** This node: the Controller and Service-Controller columns of the views. */
    public ControllerId node() {
        return node;
    }

    /** Creates the logical switch, or updates the settings of the existing one keeping its tables. */
    public LogicalSwitchRuntime putLogicalSwitch(LogicalSwitchSettings settings) {
        Fields.present("settings", settings);
        LogicalSwitchRuntime existing = switches.get(settings.vni());
        if (existing != null) {
            existing.updateSettings(settings);
            return existing;
        }
        LogicalSwitchRuntime created = new LogicalSwitchRuntime(settings);
        switches.put(settings.vni(), created);
        return created;
    }

    /** Deletes the logical switch; the removed runtime tells the owner which hosts were joined. */
    public Optional<LogicalSwitchRuntime> deleteLogicalSwitch(Vni vni) {
        return Optional.ofNullable(switches.remove(Fields.present("vni", vni)));
    }

    public Optional<LogicalSwitchRuntime> logicalSwitch(Vni vni) {
        return Optional.ofNullable(switches.get(vni));
    }

    /** By VNI. */
    public List<LogicalSwitchRuntime> logicalSwitches() {
        return switches.values().stream().sorted(Comparator.comparing(LogicalSwitchRuntime::vni)).toList();
    }

    /** Creates the DLR, or renames the existing one keeping its state. */
    public DlrRuntime putDlr(DlrId id, String name) {
        Fields.present("dlrId", id);
        DlrRuntime existing = dlrs.get(id);
        if (existing != null) {
            existing.rename(name);
            return existing;
        }
        DlrRuntime created = new DlrRuntime(id, name);
        dlrs.put(id, created);
        return created;
    }

    /** Deletes the DLR; the removed runtime tells the owner which hosts were joined. */
    public Optional<DlrRuntime> deleteDlr(DlrId id) {
        return Optional.ofNullable(dlrs.remove(Fields.present("dlrId", id)));
    }

    public Optional<DlrRuntime> dlr(DlrId id) {
        return Optional.ofNullable(dlrs.get(id));
    }

    /** By id. */
    public List<DlrRuntime> dlrs() {
        return dlrs.values().stream().sorted(Comparator.comparing(DlrRuntime::id)).toList();
    }

    /** A host's stream ended: it leaves every VNI and DLR it joined, and everything it reported goes. */
    public DisconnectOutcome disconnect(ConnectionId connection) {
        Fields.present("connectionId", connection);
        List<VniDelta> deltas = new ArrayList<>();
        for (LogicalSwitchRuntime ls : switches.values()) {
            VniDelta delta = ls.disconnect(connection);
            if (!delta.isEmpty()) {
                deltas.add(delta);
            }
        }
        List<DlrId> changed = new ArrayList<>();
        for (DlrRuntime dlr : dlrs.values()) {
            if (dlr.disconnect(connection)) {
                changed.add(dlr.id());
            }
        }
        return new DisconnectOutcome(deltas, changed);
    }

    /**
     * Lets go of the objects this node no longer owns (its slices moved to other nodes). Their
     * tables are dropped, not handed over: the new owner rebuilds them from the manager's
     * configuration and the hosts' re-reports.
     */
    public DroppedObjects dropObjects(Predicate<Vni> dropSwitch, Predicate<DlrId> dropDlr) {
        List<Vni> droppedSwitches = switches.keySet().stream().filter(dropSwitch).toList();
        List<DlrId> droppedDlrs = dlrs.keySet().stream().filter(dropDlr).toList();
        droppedSwitches.forEach(switches::remove);
        droppedDlrs.forEach(dlrs::remove);
        return new DroppedObjects(droppedSwitches, droppedDlrs);
    }

    /** Everything, comparable with the snapshot of another node or of this node at another time. */
    public RuntimeTablesSnapshot snapshot() {
        return new RuntimeTablesSnapshot(switches.values().stream().map(LogicalSwitchRuntime::tables).toList(),
                dlrs.values().stream().map(DlrRuntime::tables).toList());
    }
}
