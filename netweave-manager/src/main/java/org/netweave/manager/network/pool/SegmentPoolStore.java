package org.netweave.manager.network.pool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.SegmentPoolId;
import org.netweave.model.Vni;

/** SQL for the segment_pool table. */
public final class SegmentPoolStore {
    private static final String COLUMNS = "id, name, vni_begin, vni_end, generation";

    private SegmentPoolStore() {
    }

    public static void insert(Handle handle, SegmentPoolConfig pool) {
        handle.createUpdate("INSERT INTO segment_pool (" + COLUMNS + ") VALUES (:id, :name, :begin, :end, :generation)")
                .bind("id", pool.id().value())
                .bind("name", pool.name())
                .bind("begin", pool.range().begin().value())
                .bind("end", pool.range().end().value())
                .bind("generation", pool.generation())
                .execute();
    }

    /** All pools, lowest range first. */
    public static List<SegmentPoolConfig> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM segment_pool ORDER BY vni_begin")
                .map((rs, ctx) -> row(rs)).list();
    }

    public static Optional<SegmentPoolConfig> get(Handle handle, SegmentPoolId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM segment_pool WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> row(rs)).findOne();
    }

    public static Optional<SegmentPoolId> idByName(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM segment_pool WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> SegmentPoolId.of(rs.getString(1))).findOne();
    }

    public static void delete(Handle handle, SegmentPoolId id) {
        handle.createUpdate("DELETE FROM segment_pool WHERE id = :id").bind("id", id.value()).execute();
    }

    /** The logical switches whose VNI lies in the range, lowest VNI first. */
    public static List<LogicalSwitchId> switchesIn(Handle handle, VniRange range) {
        return handle.createQuery("SELECT id FROM logical_switch WHERE vni BETWEEN :begin AND :end ORDER BY vni")
                .bind("begin", range.begin().value()).bind("end", range.end().value())
                .map((rs, ctx) -> LogicalSwitchId.of(rs.getString(1))).list();
    }

    public static int countSwitchesIn(Handle handle, VniRange range) {
        return handle.createQuery("SELECT count(*) FROM logical_switch WHERE vni BETWEEN :begin AND :end")
                .bind("begin", range.begin().value()).bind("end", range.end().value())
                .mapTo(Integer.class).one();
    }

    private static SegmentPoolConfig row(ResultSet rs) throws SQLException {
        return new SegmentPoolConfig(SegmentPoolId.of(rs.getString("id")), rs.getString("name"),
                new VniRange(Vni.of(rs.getInt("vni_begin")), Vni.of(rs.getInt("vni_end"))), rs.getLong("generation"));
    }
}
