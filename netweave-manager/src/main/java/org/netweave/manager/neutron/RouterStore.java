package org.netweave.manager.neutron;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.DlrId;

/** SQL for the neutron_router table. */
final class RouterStore {
    private static final String COLUMNS = "id, dlr_id, name, project_id, admin_state_up, distributed";

    private RouterStore() {
    }

    static void insert(Handle handle, RouterRow router, long generation) {
        handle.createUpdate("INSERT INTO neutron_router (" + COLUMNS + ", generation)"
                        + " VALUES (:id, :dlr, :name, :project, :up, :distributed, :g)")
                .bind("id", router.id().value()).bind("dlr", router.dlr().value()).bind("name", router.name())
                .bind("project", router.projectId()).bind("up", router.adminStateUp())
                .bind("distributed", router.distributed()).bind("g", generation)
                .execute();
    }

    static void update(Handle handle, RouterRow router, long generation) {
        handle.createUpdate("UPDATE neutron_router SET name = :name, admin_state_up = :up, distributed = :distributed,"
                        + " generation = :g WHERE id = :id")
                .bind("id", router.id().value()).bind("name", router.name()).bind("up", router.adminStateUp())
                .bind("distributed", router.distributed()).bind("g", generation)
                .execute();
    }

    static Optional<RouterRow> get(Handle handle, NeutronRouterId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_router WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<RouterRow> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_router ORDER BY generation, id")
                .map((rs, ctx) -> row(rs)).list();
    }

    /**
     * Deletes the router and the DLR it is. The DLR never left the store (state STORED: no job, no
     * control VM, nothing on hosts or controllers), so removing its rows is all there is to undo;
     * its static routes go with it by the schema's cascade.
     */
    static void delete(Handle handle, RouterRow router) {
        handle.createUpdate("DELETE FROM neutron_router WHERE id = :id").bind("id", router.id().value()).execute();
        handle.createUpdate("DELETE FROM dlr WHERE id = :id").bind("id", router.dlr().value()).execute();
    }

    private static RouterRow row(ResultSet rs) throws SQLException {
        return new RouterRow(new NeutronRouterId(rs.getString("id")), DlrId.of(rs.getString("dlr_id")), rs.getString("name"),
                rs.getString("project_id"), rs.getBoolean("admin_state_up"), rs.getBoolean("distributed"));
    }
}
