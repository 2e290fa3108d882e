package org.netweave.manager.dlr;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;
import org.netweave.model.VmId;

/** Reads of a DLR and of what its deployment touches, for the jobs and the reconciler. */
final class DlrQueries {
    private DlrQueries() {
    }

    static Optional<DlrConfig> find(Handle handle, DlrId id) {
        record Row(String name, String tenant, boolean ha, String applianceCluster, String zone, String state,
                   boolean instances, boolean lifs, String controller, long generation) {
        }
        Optional<Row> row = handle.createQuery("SELECT * FROM dlr WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("tenant"), rs.getBoolean("ha_enabled"),
                        rs.getString("appliance_cluster_id"), rs.getString("transport_zone_id"), rs.getString("state"),
                        rs.getBoolean("instances_created"), rs.getBoolean("lifs_published"),
                        rs.getString("controller_id"), rs.getLong("generation")))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<DlrConfig.Interface> interfaces = handle.createQuery("""
                        SELECT l.*, ls.vni FROM lif l LEFT JOIN logical_switch ls ON ls.id = l.logical_switch_id
                        WHERE l.dlr_id = :id ORDER BY l.lif_index""")
                .bind("id", id.value())
                .map((rs, ctx) -> {
                    String ls = rs.getString("logical_switch_id");
                    int vlan = rs.getInt("vlan");
                    boolean hasVlan = !rs.wasNull();
                    int vni = rs.getInt("vni");
                    boolean hasVni = !rs.wasNull();
                    return new DlrConfig.Interface(rs.getInt("lif_index"), rs.getString("name"),
                            "UPLINK".equals(rs.getString("lif_type")),
                            Optional.ofNullable(ls).map(LogicalSwitchId::of),
                            hasVni ? Optional.of(new Vni(vni)) : Optional.empty(),
                            hasVlan ? Optional.of(vlan) : Optional.empty(),
                            Ipv4Address.parse(rs.getString("ip")), rs.getInt("prefix_length"),
                            MacAddress.parse(rs.getString("mac")), rs.getInt("mtu"));
                })
                .list();
        List<DlrConfig.StaticRoute> routes = handle.createQuery(
                        "SELECT * FROM static_route WHERE dlr_id = :id ORDER BY network")
                .bind("id", id.value())
                .map((rs, ctx) -> new DlrConfig.StaticRoute(Ipv4Prefix.parse(rs.getString("network")),
                        Ipv4Address.parse(rs.getString("next_hop")), rs.getInt("admin_distance")))
                .list();
        List<DlrConfig.Bridge> bridges = handle.createQuery("""
                        SELECT b.*, ls.vni FROM bridge b JOIN logical_switch ls ON ls.id = b.logical_switch_id
                        WHERE b.dlr_id = :id ORDER BY b.name""")
                .bind("id", id.value())
                .map((rs, ctx) -> new DlrConfig.Bridge(rs.getString("id"), rs.getString("name"),
                        LogicalSwitchId.of(rs.getString("logical_switch_id")), new Vni(rs.getInt("vni")),
                        rs.getInt("vlan")))
                .list();
        Row r = row.get();
        long generation = Math.max(r.generation(), maxGeneration(handle, id));
        return Optional.of(new DlrConfig(id, r.name(), r.tenant(), r.ha(),
                Optional.ofNullable(r.applianceCluster()).map(ClusterId::of),
                Optional.ofNullable(r.zone()).map(TransportZoneId::of), r.state(), r.instances(), r.lifs(),
                Optional.ofNullable(r.controller()), generation, interfaces, routes, bridges));
    }

    /** The newest generation among the DLR's LIFs, routes and bridges (deletions bump the DLR row). */
    private static long maxGeneration(Handle handle, DlrId id) {
        return handle.createQuery("""
                        SELECT GREATEST(
                          COALESCE((SELECT MAX(generation) FROM lif WHERE dlr_id = :id), 0),
                          COALESCE((SELECT MAX(generation) FROM static_route WHERE dlr_id = :id), 0),
                          COALESCE((SELECT MAX(generation) FROM bridge WHERE dlr_id = :id), 0))""")
                .bind("id", id.value()).mapTo(Long.class).one();
    }

    /** The transport zones of the DLR's logical switches; the API lets only one through. */
    static List<TransportZoneId> zonesOfInterfaces(Handle handle, DlrId id) {
        return handle.createQuery("""
                        SELECT DISTINCT ls.transport_zone_id FROM lif l JOIN logical_switch ls ON ls.id = l.logical_switch_id
                        WHERE l.dlr_id = :id ORDER BY 1""")
                .bind("id", id.value()).map((rs, ctx) -> TransportZoneId.of(rs.getString(1))).list();
    }

    static List<ClusterId> clustersOfZone(Handle handle, TransportZoneId zone) {
        return handle.createQuery("SELECT cluster_id FROM transport_zone_cluster WHERE transport_zone_id = :tz ORDER BY 1")
                .bind("tz", zone.value()).map((rs, ctx) -> ClusterId.of(rs.getString(1))).list();
    }

    static List<HostId> hostsOfZone(Handle handle, TransportZoneId zone) {
        return handle.createQuery("""
                        SELECT h.id FROM host h JOIN transport_zone_cluster tzc ON tzc.cluster_id = h.cluster_id
                        WHERE tzc.transport_zone_id = :tz ORDER BY h.id""")
                .bind("tz", zone.value()).map((rs, ctx) -> HostId.of(rs.getString(1))).list();
    }

    /** The DLR's control VMs, appliance 0 (the one that starts active) first. */
    static List<VmId> controlVms(Handle handle, DlrId id) {
        return handle.createQuery("SELECT id FROM vm WHERE kind = 'CONTROL_VM' AND dlr_id = :dlr ORDER BY name")
                .bind("dlr", id.value()).map((rs, ctx) -> VmId.of(rs.getString(1))).list();
    }

    static Optional<HostId> hostOf(Handle handle, VmId vm) {
        return handle.createQuery("SELECT host_id FROM vm WHERE id = :vm").bind("vm", vm.value())
                .map((rs, ctx) -> HostId.of(rs.getString(1))).findOne();
    }

    static List<DlrId> deployed(Handle handle) {
        return handle.createQuery("SELECT id FROM dlr WHERE state = 'DEPLOYED' ORDER BY id")
                .map((rs, ctx) -> DlrId.of(rs.getString(1))).list();
    }

    static void update(Handle handle, long generation, DlrId id, String assignments) {
        handle.createUpdate("UPDATE dlr SET " + assignments + ", generation = :g WHERE id = :id")
                .bind("g", generation).bind("id", id.value()).execute();
    }
}
