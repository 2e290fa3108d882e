package org.netweave.manager.neutron;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.LogicalSwitchId;

/** SQL for the neutron_network table. */
final class NetworkStore {
    private static final String COLUMNS = "id, logical_switch_id, name, project_id, admin_state_up, shared, mtu";

    private NetworkStore() {
    }

    static void insert(Handle handle, NetworkRow network, long generation) {
        handle.createUpdate("INSERT INTO neutron_network (" + COLUMNS + ", generation)"
                        + " VALUES (:id, :ls, :name, :project, :up, :shared, :mtu, :g)")
                .bind("id", network.id().value()).bind("ls", network.logicalSwitch().value())
                .bind("name", network.name()).bind("project", network.projectId()).bind("up", network.adminStateUp())
                .bind("shared", network.shared()).bind("mtu", network.mtu()).bind("g", generation)
                .execute();
    }

    static void update(Handle handle, NetworkRow network, long generation) {
        handle.createUpdate("UPDATE neutron_network SET name = :name, admin_state_up = :up, shared = :shared,"
                        + " generation = :g WHERE id = :id")
                .bind("id", network.id().value()).bind("name", network.name()).bind("up", network.adminStateUp())
                .bind("shared", network.shared()).bind("g", generation)
                .execute();
    }

    static Optional<NetworkRow> get(Handle handle, NeutronNetworkId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_network WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<NetworkRow> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_network ORDER BY generation, id")
                .map((rs, ctx) -> row(rs)).list();
    }

    static void delete(Handle handle, NeutronNetworkId id) {
        handle.createUpdate("DELETE FROM neutron_network WHERE id = :id").bind("id", id.value()).execute();
    }

    private static NetworkRow row(ResultSet rs) throws SQLException {
        return new NetworkRow(new NeutronNetworkId(rs.getString("id")), LogicalSwitchId.of(rs.getString("logical_switch_id")),
                rs.getString("name"), rs.getString("project_id"), rs.getBoolean("admin_state_up"), rs.getBoolean("shared"),
                rs.getInt("mtu"));
    }
}
