package org.netweave.manager.network.vnic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/** SQL for the logical_switch_id of the vnic table (the inventory owns the rest of the row). */
public final class VnicStore {
    private static final String SELECT = """
            SELECT v.vm_id, v.vnic_index, v.mac, v.ip, vm.host_id, h.cluster_id, v.logical_switch_id, v.generation
            FROM vnic v JOIN vm ON vm.id = v.vm_id JOIN host h ON h.id = vm.host_id""";

    private VnicStore() {
    }

    public static boolean vmExists(Handle handle, VmId vm) {
        return handle.createQuery("SELECT count(*) FROM vm WHERE id = :id").bind("id", vm.value())
                .mapTo(Integer.class).one() > 0;
    }

    public static Optional<VnicPlacement> find(Handle handle, VmId vm, int index) {
        return handle.createQuery(SELECT + " WHERE v.vm_id = :vm AND v.vnic_index = :index")
                .bind("vm", vm.value()).bind("index", index).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The vNICs attached to a switch, by VM and index. */
    public static List<VnicPlacement> attachedTo(Handle handle, LogicalSwitchId logicalSwitch) {
        return handle.createQuery(SELECT + " WHERE v.logical_switch_id = :ls ORDER BY v.vm_id, v.vnic_index")
                .bind("ls", logicalSwitch.value()).map((rs, ctx) -> row(rs)).list();
    }

    /** Attaches ({@code logicalSwitch} set) or detaches (null). */
    public static void attach(Handle handle, VmId vm, int index, LogicalSwitchId logicalSwitch, long generation) {
        handle.createUpdate("UPDATE vnic SET logical_switch_id = :ls, generation = :g WHERE vm_id = :vm AND vnic_index = :index")
                .bind("ls", logicalSwitch == null ? null : logicalSwitch.value())
                .bind("g", generation).bind("vm", vm.value()).bind("index", index)
                .execute();
    }

    /** The external VTEP of the switch that binds {@code mac}, if one does. */
    public static Optional<Ipv4Address> externalVtepWithMac(Handle handle, LogicalSwitchId logicalSwitch, MacAddress mac) {
        return handle.createQuery("SELECT vtep_ip FROM external_vtep_binding WHERE logical_switch_id = :ls"
                        + " AND LOWER(mac) = :mac")
                .bind("ls", logicalSwitch.value()).bind("mac", mac.toString())
                .map((rs, ctx) -> Ipv4Address.parse(rs.getString(1))).findOne();
    }

    private static VnicPlacement row(ResultSet rs) throws SQLException {
        String ip = rs.getString("ip");
        String ls = rs.getString("logical_switch_id");
        return new VnicPlacement(VmId.of(rs.getString("vm_id")), rs.getInt("vnic_index"), MacAddress.parse(rs.getString("mac")),
                ip == null ? null : Ipv4Address.parse(ip), HostId.of(rs.getString("host_id")),
                ClusterId.of(rs.getString("cluster_id")), ls == null ? null : LogicalSwitchId.of(ls),
                rs.getLong("generation"));
    }
}
