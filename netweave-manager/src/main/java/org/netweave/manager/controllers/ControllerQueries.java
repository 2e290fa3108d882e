package org.netweave.manager.controllers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ControllerId;

/** The controller table. */
final class ControllerQueries {
    private ControllerQueries() {
    }

    static List<ControllerView> list(Handle handle) {
        return handle.createQuery("SELECT * FROM controller ORDER BY created_at, id").map((rs, ctx) -> view(rs)).list();
    }

    static Optional<ControllerView> find(Handle handle, ControllerId id) {
        return handle.createQuery("SELECT * FROM controller WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> view(rs)).findOne();
    }

    static boolean nameTaken(Handle handle, String name) {
        return handle.createQuery("SELECT count(*) FROM controller WHERE name = :name").bind("name", name)
                .mapTo(Integer.class).one() > 0;
    }

    /**
     * The controllers that stay: every one but those already being removed. A controller whose
     * removal job is under way still has its row until the job ends, yet it is no longer one of
     * the control plane's future members.
     */
    static int countStaying(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM controller WHERE status <> 'REMOVING'")
                .mapTo(Integer.class).one();
    }

    private static ControllerView view(ResultSet rs) throws SQLException {
        return new ControllerView(ControllerId.of(rs.getString("id")), rs.getString("name"), rs.getString("address"),
                rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("generation"), null);
    }
}
