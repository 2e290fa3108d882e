package org.netweave.controller.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * Everything a host's instance of a DLR needs, which the owner pushes in full on join and on
 * every change (the wire's {@code DlrState}). Immutable, sorted, and free of connection ids, so it
 * compares equal across owners.
 *
 * @param forwardingTable     the routes the control VM last pushed, as NSX's controller keeps
 *                            them: without the LIFs' connected subnets, which hosts derive from
 *                            the LIFs ({@link #routes()} adds them)
 * @param designatedInstances for each VLAN LIF with at least one joined host, the host chosen by
 *                            {@link DesignatedInstances}
 */
public record DlrStateSnapshot(DlrId dlrId, List<DlrLif> lifs, List<DlrRoute> forwardingTable,
        List<DlrBridge> bridges, SortedMap<LifId, HostId> designatedInstances) {
    public DlrStateSnapshot {
        Fields.present("dlrId", dlrId);
        lifs = lifs.stream().sorted(DlrLif.ORDER).toList();
        forwardingTable = forwardingTable.stream().sorted(DlrRoute.ORDER).toList();
        bridges = bridges.stream().sorted(DlrBridge.ORDER).toList();
        designatedInstances = Collections.unmodifiableSortedMap(new TreeMap<>(designatedInstances));
    }

    /** One connected route per LIF: its subnet, on it. */
    public List<DlrRoute> connectedRoutes() {
        return lifs.stream().map(l -> DlrRoute.connected(l.address().subnet(), l.id())).sorted(DlrRoute.ORDER).toList();
    }

    /**
     * The DLR's whole routing table: the connected routes plus the forwarding table. A connected
     * subnet wins over a forwarding-table route for the same prefix, as a connected route's
     * administrative distance of 0 does on a router.
     */
    public List<DlrRoute> routes() {
        List<DlrRoute> connected = connectedRoutes();
        Set<Ipv4Prefix> connectedPrefixes = connected.stream().map(DlrRoute::prefix).collect(Collectors.toSet());
        return Stream.concat(connected.stream(),
                forwardingTable.stream().filter(r -> !connectedPrefixes.contains(r.prefix())))
                .sorted(DlrRoute.ORDER).toList();
    }
}
