package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DatapathTables.NeighbourRow;
import org.netweave.dataplane.DatapathTables.RouteRow;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.StaticRoute;
import org.netweave.ovs.HostState.RouterState;
import org.netweave.ovs.HostState.SwitchState;

/** The NSX-style table view of what this backend has installed, built from the realised state. */
final class TablesView {
    private TablesView() {
    }

    static DatapathTables of(HostState state) {
        List<SwitchTable> switches = new ArrayList<>();
        for (SwitchState s : state.switches().values()) {
            List<MacEntry> macs = new ArrayList<>();
            state.ports().values().stream().filter(p -> p.vni().equals(s.vni()))
                    .forEach(p -> macs.add(new MacEntry(p.mac(), MacLocation.LOCAL_PORT, p.id().value(), false)));
            s.allRemoteMacs().forEach((mac, vtep) -> macs.add(new MacEntry(mac, MacLocation.REMOTE_VTEP, vtep.toString(), false)));
            state.routers().values().forEach(r -> r.lifs().values().stream().filter(l -> l.vni().equals(s.vni()))
                    .forEach(l -> macs.add(new MacEntry(l.vmac(), MacLocation.ROUTER, r.id().value(), false))));
            switches.add(new SwitchTable(s.spec(), List.copyOf(s.vteps().values()), List.copyOf(s.externalVteps().values()),
                    macs, Map.copyOf(s.allArp())));
        }
        List<RouterTable> routers = new ArrayList<>();
        for (RouterState r : state.routers().values()) {
            List<RouteRow> routes = new ArrayList<>();
            List<NeighbourRow> neighbours = new ArrayList<>();
            for (Lif lif : r.lifs().values()) {
                routes.add(new RouteRow(lif.address().subnet(), null, lif.id(), "UCI"));
                neighbours.add(new NeighbourRow(lif.address().address(), lif.vmac(), lif.id(), "VI"));
                state.switches().get(lif.vni()).allArp().forEach((ip, mac) -> {
                    if (lif.address().subnet().contains(ip) && !ip.equals(lif.address().address())) {
                        neighbours.add(new NeighbourRow(ip, mac, lif.id(), "V"));
                    }
                });
            }
            for (StaticRoute route : r.routes().values()) {
                routes.add(new RouteRow(route.prefix(), route.nextHop(), route.egressLif(), route.nextHop() == null ? "UCI" : "UG"));
            }
            routers.add(new RouterTable(r.id(), List.copyOf(r.lifs().values()), routes, neighbours));
        }
        return new DatapathTables(state.config(), switches, List.copyOf(state.ports().values()), routers,
                List.copyOf(state.bridges().values()));
    }
}
