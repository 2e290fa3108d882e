package org.netweave.controller.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.LifId;

/**
 * The runtime state of one distributed logical router on its owning node (NSX-V reference §2.4,
 * §2.6): its LIFs and bridges from the manager, the forwarding table from its control VM, the
 * hosts holding an instance, and the designated instance of each VLAN LIF.
 *
 * <p>Every write returns whether {@link #state()}, which the owner pushes in full to the joined
 * hosts, changed. A LIF change that strands forwarding-table routes (their LIF is gone, or their
 * next hop is no longer on its subnet) withdraws those routes instead of refusing the change: the
 * control VM recomputes its table from the same LIF change and pushes it, and refusing either side
 * would leave the manager and the control VM each waiting for the other. Until then hosts never
 * hold a route they cannot resolve.
 *
 * <p>Not thread-safe: the owner calls it from one thread (see the package documentation).
 */
public final class DlrRuntime {
    private final DlrId id;
    private String name;
    private final Map<LifId, DlrLif> lifs = new HashMap<>();
    private final Map<BridgeId, DlrBridge> bridges = new HashMap<>();
    private List<DlrRoute> forwardingTable = List.of();
    private ControlVmId controlVm;
    /** Whose forwarding table this DLR takes: its control VMs, as the manager deployed them. */
    private Set<ControlVmId> controlVms = Set.of();
    private final Map<ConnectionId, HostConnection> connections = new HashMap<>();
    /** Joined connections per host: a host that reconnects holds two for a moment. */
    private final Map<HostId, Integer> hosts = new HashMap<>();
    private final SortedMap<LifId, HostId> designated = new TreeMap<>();

    public DlrRuntime(DlrId id, String name) {
        this.id = Fields.present("dlrId", id);
        this.name = Fields.name("name", name);
    }

    public DlrId id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Changes the LR-Name; hosts are not sent names, so this never changes {@link #state()}. */
    public void rename(String newName) {
        name = Fields.name("name", newName);
    }

    /**
     * Creates or replaces a LIF. Refused, naming the field, when another LIF of the DLR has its
     * VNI ({@code vni}) or VLAN ({@code vlan}), its subnet overlaps another LIF's ({@code address}),
     * or the DLR would exceed 999 LIFs ({@code lifId}) or 9 uplinks ({@code uplink}).
     */
    public boolean putLif(DlrLif lif) {
        DlrValidation.checkLif(id, lifs, lif);
        if (lif.equals(lifs.put(lif.id(), lif))) {
            return false;
        }
        forwardingTable = forwardingTable.stream()
                .filter(r -> !r.lif().equals(lif.id()) || r.isConnected() || DlrValidation.reachable(r, lif))
                .toList();
        elect(lif);
        return true;
    }

    /** Deletes a LIF and withdraws the forwarding-table routes that leave by it. */
    public boolean deleteLif(LifId lifId) {
        if (lifs.remove(Fields.present("lifId", lifId)) == null) {
            return false;
        }
        forwardingTable = forwardingTable.stream().filter(r -> !r.lif().equals(lifId)).toList();
        designated.remove(lifId);
        return true;
    }

    /** Creates or replaces a bridge; a VNI or VLAN is in at most one bridge of the DLR. */
    public boolean putBridge(DlrBridge bridge) {
        DlrValidation.checkBridge(id, bridges.values(), bridge);
        return !bridge.equals(bridges.put(bridge.id(), bridge));
    }

    public boolean deleteBridge(BridgeId bridgeId) {
        return bridges.remove(Fields.present("bridgeId", bridgeId)) != null;
    }

    /**
     * Replaces the whole forwarding table with the one {@code controlVm} computed (replace-all:
     * a route it no longer sends is gone). All-or-nothing: refused, naming the field and the route,
     * when a route's LIF is not on the DLR ({@code lifId}), its next hop is neither connected nor a
     * neighbour on that LIF's subnet ({@code nextHop}), or a prefix appears twice ({@code prefix}).
     * Returns whether the routes changed; a push of the same table, even from the other control VM
     * of an HA pair, does not.
     */
    public boolean replaceForwardingTable(List<DlrRoute> routes, ControlVmId pushedBy) {
        Fields.present("controlVm", pushedBy);
        DlrValidation.checkForwardingTable(id, lifs, routes);
        List<DlrRoute> sorted = routes.stream().sorted(DlrRoute.ORDER).toList();
        controlVm = pushedBy;
        if (sorted.equals(forwardingTable)) {
            return false;
        }
        forwardingTable = sorted;
        return true;
    }

    /**
     * A host's instance joined over {@code connection}. The owner sends {@link #state()} to the
     * joining host whatever this returns; true means designated instances moved, so every joined
     * host needs the new state.
     */
    public boolean hostJoined(HostConnection connection) {
        Fields.present("connection", connection);
        HostConnection old = connections.get(connection.id());
        if (old != null) {
            if (!old.equals(connection)) {
                throw new InvalidValueException("connectionId", connection.id().value(),
                        "is already joined to " + id + " as " + old);
            }
            return false;
        }
        connections.put(connection.id(), connection);
        if (hosts.merge(connection.host(), 1, Integer::sum) > 1) {
            return false;
        }
        boolean moved = false;
        for (DlrLif lif : lifs.values()) {
            if (lif.segment() instanceof LifSegment.Vlan) {
                HostId current = designated.get(lif.id());
                if (current == null || DesignatedInstances.outranks(id, lif.id(), connection.host(), current)) {
                    designated.put(lif.id(), connection.host());
                    moved = true;
                }
            }
        }
        return moved;
    }

    /** A host's instance left (or its stream ended); true when designated instances moved. Idempotent. */
    public boolean hostLeft(ConnectionId connection) {
        HostConnection gone = connections.remove(Fields.present("connectionId", connection));
        if (gone == null || hosts.merge(gone.host(), -1, Integer::sum) > 0) {
            return false;
        }
        hosts.remove(gone.host());
        boolean moved = false;
        for (DlrLif lif : lifs.values()) {
            if (gone.host().equals(designated.get(lif.id()))) {
                elect(lif);
                moved = true;
            }
        }
        return moved;
    }

    public boolean disconnect(ConnectionId connection) {
        return hostLeft(connection);
    }

    public DlrStateSnapshot state() {
        return new DlrStateSnapshot(id, List.copyOf(lifs.values()), forwardingTable, List.copyOf(bridges.values()),
                designated);
    }

    /** The hosts with at least one joined connection, sorted. */
    public Set<HostId> joinedHosts() {
        return new TreeSet<>(hosts.keySet());
    }

    public List<HostConnection> joinedConnections() {
        return connections.values().stream().sorted(Comparator.comparing(HostConnection::id)).toList();
    }

    /** Binds the DLR to its control VMs (one, or an HA pair); only they may push its forwarding table. */
    public void bindControlVms(Collection<ControlVmId> vms) {
        controlVms = Set.copyOf(vms);
    }

    public Set<ControlVmId> controlVms() {
        return controlVms;
    }

    public Optional<ControlVmId> controlVm() {
        return Optional.ofNullable(controlVm);
    }

    public DlrInstanceRow instanceRow() {
        return new DlrInstanceRow(id, name, connections.values().stream().map(HostConnection::hostIp).toList(),
                controlVm());
    }

    public DlrTables tables() {
        return new DlrTables(name, List.copyOf(hosts.keySet()), controlVm(), state());
    }

    /** (Re)chooses the designated instance of a VLAN LIF among the joined hosts; other LIFs have none. */
    private void elect(DlrLif lif) {
        Optional<HostId> chosen = lif.segment() instanceof LifSegment.Vlan
                ? DesignatedInstances.choose(id, lif.id(), hosts.keySet())
                : Optional.empty();
        chosen.ifPresentOrElse(h -> designated.put(lif.id(), h), () -> designated.remove(lif.id()));
    }
}
