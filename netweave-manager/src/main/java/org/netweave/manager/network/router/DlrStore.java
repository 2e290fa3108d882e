package org.netweave.manager.network.router;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ClusterId;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.JobId;
import org.netweave.model.TransportZoneId;

/** SQL for the dlr table, and a DLR's whole configuration from its four tables. */
public final class DlrStore {
    private static final String COLUMNS = "id, name, tenant, ha_enabled, appliance_cluster_id, transport_zone_id, state,"
            + " instances_created, lifs_published, controller_id, generation";
    /** The zone of each DLR's logical switches; the rules keep it to one zone per DLR. */
    private static final String LIF_ZONES = """
            SELECT l.dlr_id, MIN(ls.transport_zone_id) FROM lif l
            JOIN logical_switch ls ON ls.id = l.logical_switch_id""";

    private DlrStore() {
    }

    /** The dlr row; its LIFs and routes go in with {@link LifStore} and {@link RouteStore}. */
    public static void insert(Handle handle, DlrConfig dlr) {
        handle.createUpdate("INSERT INTO dlr (" + COLUMNS + ") VALUES (:id, :name, :tenant, :ha, :cluster, :zone, :state,"
                        + " :instances, :lifs, :controller, :generation)")
                .bind("id", dlr.id().value()).bind("name", dlr.name()).bind("tenant", dlr.tenant())
                .bind("ha", dlr.haEnabled())
                .bind("cluster", dlr.applianceCluster() == null ? null : dlr.applianceCluster().value())
                .bind("zone", dlr.transportZone() == null ? null : dlr.transportZone().value())
                .bind("state", dlr.state().name()).bind("instances", dlr.instancesCreated())
                .bind("lifs", dlr.lifsPublished())
                .bind("controller", dlr.controller() == null ? null : dlr.controller().value())
                .bind("generation", dlr.generation())
                .execute();
    }

    public static Optional<DlrConfig> get(Handle handle, DlrId id) {
        Optional<TransportZoneId> lifZone = handle.createQuery(LIF_ZONES + " WHERE l.dlr_id = :id GROUP BY l.dlr_id")
                .bind("id", id.value()).map((rs, ctx) -> TransportZoneId.of(rs.getString(2))).findOne();
        List<Lif> lifs = LifStore.list(handle, id);
        List<StaticRoute> routes = RouteStore.list(handle, id);
        List<Bridge> bridges = BridgeStore.list(handle, id);
        return handle.createQuery("SELECT " + COLUMNS + " FROM dlr WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> row(rs, lifZone.orElse(null), lifs, routes, bridges))
                .findOne();
    }

    /** Every DLR, oldest first. */
    public static List<DlrConfig> list(Handle handle) {
        Map<DlrId, TransportZoneId> lifZones = new HashMap<>();
        handle.createQuery(LIF_ZONES + " GROUP BY l.dlr_id")
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString(1)), TransportZoneId.of(rs.getString(2))))
                .forEach(e -> lifZones.put(e.getKey(), e.getValue()));
        var lifs = LifStore.listAll(handle);
        var routes = RouteStore.listAll(handle);
        var bridges = BridgeStore.listAll(handle);
        return handle.createQuery("SELECT " + COLUMNS + " FROM dlr ORDER BY LENGTH(id), id")
                .map((rs, ctx) -> {
                    DlrId id = DlrId.of(rs.getString("id"));
                    return row(rs, lifZones.get(id), lifs.getOrDefault(id, List.of()), routes.getOrDefault(id, List.of()),
                            bridges.getOrDefault(id, List.of()));
                })
                .list();
    }

    public static Optional<DlrId> idByName(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM dlr WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> DlrId.of(rs.getString(1))).findOne();
    }

    /** Jobs about the DLR that have not finished. */
    public static List<JobId> activeJobs(Handle handle, DlrId id) {
        return handle.createQuery("SELECT id FROM job WHERE subject_id = :id AND state IN ('QUEUED', 'RUNNING', 'ROLLING_BACK')"
                        + " ORDER BY id")
                .bind("id", id.value()).map((rs, ctx) -> JobId.of(rs.getString(1))).list();
    }

    /** Stamps the DLR with a write that changed its LIFs, routes or bridges. */
    public static void stamp(Handle handle, DlrId id, long generation) {
        handle.createUpdate("UPDATE dlr SET generation = :g WHERE id = :id")
                .bind("id", id.value()).bind("g", generation).execute();
    }

    private static DlrConfig row(ResultSet rs, TransportZoneId lifZone, List<Lif> lifs, List<StaticRoute> routes,
                                 List<Bridge> bridges) throws SQLException {
        String cluster = rs.getString("appliance_cluster_id");
        String zone = rs.getString("transport_zone_id");
        String controller = rs.getString("controller_id");
        StaticRoute defaultRoute = routes.stream().filter(StaticRoute::isDefault).findFirst().orElse(null);
        return new DlrConfig(DlrId.of(rs.getString("id")), rs.getString("name"), rs.getString("tenant"),
                rs.getBoolean("ha_enabled"), cluster == null ? null : ClusterId.of(cluster),
                zone != null ? TransportZoneId.of(zone) : lifZone, DlrState.valueOf(rs.getString("state")),
                rs.getBoolean("instances_created"), rs.getBoolean("lifs_published"),
                controller == null ? null : ControllerId.of(controller), lifs,
                routes.stream().filter(route -> !route.isDefault()).toList(), defaultRoute, bridges,
                rs.getLong("generation"));
    }
}
