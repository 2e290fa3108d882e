package org.netweave.manager.network.lswitch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.pool.VniRange;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/** SQL for the logical_switch table and what uses a switch. */
public final class LogicalSwitchStore {
    private static final String COLUMNS = "id, name, vni, transport_zone_id, replication_mode, generation";

    private LogicalSwitchStore() {
    }

    public static void insert(Handle handle, LogicalSwitchConfig config) {
        handle.createUpdate("INSERT INTO logical_switch (" + COLUMNS + ")"
                        + " VALUES (:id, :name, :vni, :zone, :mode, :generation)")
                .bind("id", config.id().value()).bind("name", config.name()).bind("vni", config.vni().value())
                .bind("zone", config.transportZone().value()).bind("mode", config.replicationMode().name())
                .bind("generation", config.generation())
                .execute();
    }

    public static Optional<LogicalSwitchConfig> get(Handle handle, LogicalSwitchId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM logical_switch WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> row(rs)).findOne();
    }

    public static Optional<LogicalSwitchConfig> byVni(Handle handle, Vni vni) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM logical_switch WHERE vni = :vni")
                .bind("vni", vni.value()).map((rs, ctx) -> row(rs)).findOne();
    }

    /** All switches, oldest first. */
    public static List<LogicalSwitchConfig> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM logical_switch ORDER BY LENGTH(id), id")
                .map((rs, ctx) -> row(rs)).list();
    }

    public static List<LogicalSwitchConfig> listByZone(Handle handle, TransportZoneId zone) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM logical_switch WHERE transport_zone_id = :zone"
                        + " ORDER BY LENGTH(id), id")
                .bind("zone", zone.value()).map((rs, ctx) -> row(rs)).list();
    }

    public static Optional<LogicalSwitchId> idByName(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM logical_switch WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> LogicalSwitchId.of(rs.getString(1))).findOne();
    }

    /** The VNIs switches hold inside {@code range}, ascending (read along the unique index on vni). */
    public static int[] usedVnis(Handle handle, VniRange range) {
        return handle.createQuery("SELECT vni FROM logical_switch WHERE vni BETWEEN :begin AND :end ORDER BY vni")
                .bind("begin", range.begin().value()).bind("end", range.end().value())
                .scanResultSet((results, ctx) -> {
                    ResultSet rows = results.get();
                    IntStream.Builder vnis = IntStream.builder();
                    while (rows.next()) {
                        vnis.add(rows.getInt(1));
                    }
                    return vnis.build().toArray();
                });
    }

    public static boolean isVniTaken(Handle handle, int vni) {
        return handle.createQuery("SELECT 1 FROM logical_switch WHERE vni = :vni").bind("vni", vni)
                .mapTo(Integer.class).findOne().isPresent();
    }

    /** Stamps the switch with a write that changed something hosts hold for it (its external VTEPs). */
    public static void stamp(Handle handle, LogicalSwitchId id, long generation) {
        handle.createUpdate("UPDATE logical_switch SET generation = :g WHERE id = :id")
                .bind("id", id.value()).bind("g", generation).execute();
    }

    public static void delete(Handle handle, LogicalSwitchId id) {
        handle.createUpdate("DELETE FROM logical_switch WHERE id = :id").bind("id", id.value()).execute();
    }

    public static LogicalSwitchUsage usage(Handle handle, LogicalSwitchId id) {
        List<String> vnics = handle.createQuery("SELECT vm_id, vnic_index FROM vnic WHERE logical_switch_id = :id"
                        + " ORDER BY vm_id, vnic_index")
                .bind("id", id.value()).map((rs, ctx) -> rs.getString(1) + " vNIC " + rs.getInt(2)).list();
        List<String> lifs = handle.createQuery("SELECT dlr_id, lif_index, name FROM lif WHERE logical_switch_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> "LIF " + rs.getInt(2) + " '" + rs.getString(3) + "' of DLR " + rs.getString(1)).list();
        List<String> bridges = handle.createQuery("SELECT id, name, dlr_id FROM bridge WHERE logical_switch_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> "bridge " + rs.getString(1) + " '" + rs.getString(2) + "' of DLR " + rs.getString(3))
                .list();
        return new LogicalSwitchUsage(vnics, lifs, bridges);
    }

    private static LogicalSwitchConfig row(ResultSet rs) throws SQLException {
        return new LogicalSwitchConfig(LogicalSwitchId.of(rs.getString("id")), rs.getString("name"),
                Vni.of(rs.getInt("vni")), TransportZoneId.of(rs.getString("transport_zone_id")),
                ReplicationMode.valueOf(rs.getString("replication_mode")), rs.getLong("generation"));
    }
}
