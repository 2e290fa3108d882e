package org.netweave.manager.network.router;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** SQL for the bridge table. */
public final class BridgeStore {
    private static final String SELECT = """
            SELECT b.id, b.dlr_id, b.name, b.logical_switch_id, ls.vni, b.vlan, b.generation
            FROM bridge b JOIN logical_switch ls ON ls.id = b.logical_switch_id""";

    private BridgeStore() {
    }

    /** The DLR's bridges by name. */
    public static List<Bridge> list(Handle handle, DlrId dlr) {
        return handle.createQuery(SELECT + " WHERE b.dlr_id = :dlr ORDER BY b.name")
                .bind("dlr", dlr.value()).map((rs, ctx) -> row(rs)).list();
    }

    public static Map<DlrId, List<Bridge>> listAll(Handle handle) {
        Map<DlrId, List<Bridge>> bridges = new HashMap<>();
        handle.createQuery(SELECT + " ORDER BY b.dlr_id, b.name")
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString("dlr_id")), row(rs)))
                .forEach(e -> bridges.computeIfAbsent(e.getKey(), dlr -> new ArrayList<>()).add(e.getValue()));
        return bridges;
    }

    public static Optional<Bridge> byName(Handle handle, DlrId dlr, String name) {
        return handle.createQuery(SELECT + " WHERE b.dlr_id = :dlr AND b.name = :name")
                .bind("dlr", dlr.value()).bind("name", name).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The bridge, of any DLR, that has the switch. */
    public static Optional<BridgeRef> onSwitch(Handle handle, LogicalSwitchId logicalSwitch) {
        return handle.createQuery("SELECT id, name, dlr_id FROM bridge WHERE logical_switch_id = :ls")
                .bind("ls", logicalSwitch.value()).map((rs, ctx) -> ref(rs)).findOne();
    }

    /** The bridge, of any DLR, that has the VLAN. */
    public static Optional<BridgeRef> onVlan(Handle handle, VlanId vlan) {
        return handle.createQuery("SELECT id, name, dlr_id FROM bridge WHERE vlan = :vlan")
                .bind("vlan", vlan.value()).map((rs, ctx) -> ref(rs)).findOne();
    }

    /** Inserts the bridge, or updates the row with its id. */
    public static void put(Handle handle, DlrId dlr, Bridge bridge) {
        int updated = handle.createUpdate("UPDATE bridge SET logical_switch_id = :ls, vlan = :vlan, generation = :g"
                        + " WHERE id = :id")
                .bind("id", bridge.id().value()).bind("ls", bridge.logicalSwitch().value())
                .bind("vlan", bridge.vlan().value()).bind("g", bridge.generation()).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO bridge (id, dlr_id, name, logical_switch_id, vlan, generation)"
                            + " VALUES (:id, :dlr, :name, :ls, :vlan, :g)")
                    .bind("id", bridge.id().value()).bind("dlr", dlr.value()).bind("name", bridge.name())
                    .bind("ls", bridge.logicalSwitch().value()).bind("vlan", bridge.vlan().value())
                    .bind("g", bridge.generation()).execute();
        }
    }

    public static void delete(Handle handle, BridgeId id) {
        handle.createUpdate("DELETE FROM bridge WHERE id = :id").bind("id", id.value()).execute();
    }

    private static Bridge row(ResultSet rs) throws SQLException {
        return new Bridge(BridgeId.of(rs.getString("id")), rs.getString("name"),
                LogicalSwitchId.of(rs.getString("logical_switch_id")), Vni.of(rs.getInt("vni")),
                VlanId.of(rs.getInt("vlan")), rs.getLong("generation"));
    }

    private static BridgeRef ref(ResultSet rs) throws SQLException {
        return new BridgeRef(BridgeId.of(rs.getString(1)), rs.getString(2), DlrId.of(rs.getString(3)));
    }
}
