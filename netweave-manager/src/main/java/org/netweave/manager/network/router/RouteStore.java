package org.netweave.manager.network.router;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/** SQL for the static_route table; the default route is the row for 0.0.0.0/0. */
public final class RouteStore {
    private RouteStore() {
    }

    /** Replaces the DLR's static routes and default route (null for none). */
    public static void replace(Handle handle, DlrId dlr, List<StaticRoute> routes, StaticRoute defaultRoute, long generation) {
        handle.createUpdate("DELETE FROM static_route WHERE dlr_id = :dlr").bind("dlr", dlr.value()).execute();
        List<StaticRoute> all = new ArrayList<>(routes);
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        for (StaticRoute route : all) {
            handle.createUpdate("INSERT INTO static_route (dlr_id, network, next_hop, admin_distance, description, generation)"
                            + " VALUES (:dlr, :network, :nextHop, :distance, :description, :generation)")
                    .bind("dlr", dlr.value()).bind("network", route.network().toString())
                    .bind("nextHop", route.nextHop().toString()).bind("distance", route.adminDistance())
                    .bind("description", route.description()).bind("generation", generation)
                    .execute();
        }
    }

    /** The DLR's routes, the default route among them, by network. */
    public static List<StaticRoute> list(Handle handle, DlrId dlr) {
        return handle.createQuery("SELECT * FROM static_route WHERE dlr_id = :dlr").bind("dlr", dlr.value())
                .map((rs, ctx) -> row(rs)).stream().sorted(Comparator.comparing(StaticRoute::network)).toList();
    }

    public static Map<DlrId, List<StaticRoute>> listAll(Handle handle) {
        Map<DlrId, List<StaticRoute>> routes = new HashMap<>();
        handle.createQuery("SELECT * FROM static_route")
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString("dlr_id")), row(rs)))
                .forEach(e -> routes.computeIfAbsent(e.getKey(), dlr -> new ArrayList<>()).add(e.getValue()));
        routes.values().forEach(list -> list.sort(Comparator.comparing(StaticRoute::network)));
        return routes;
    }

    private static StaticRoute row(ResultSet rs) throws SQLException {
        return new StaticRoute(Ipv4Prefix.parse(rs.getString("network")), Ipv4Address.parse(rs.getString("next_hop")),
                rs.getInt("admin_distance"), rs.getString("description"));
    }
}
