package org.netweave.manager.network.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;

/** SQL for transport_zone and transport_zone_cluster, and what a zone's clusters carry. */
public final class TransportZoneStore {
    /** The DLRs of a zone: by the column the deployment job sets, or by the switches of their LIFs. */
    private static final String DLRS_OF_ZONE = """
            SELECT d.id FROM dlr d WHERE d.transport_zone_id = :zone
            UNION SELECT l.dlr_id FROM lif l JOIN logical_switch ls ON ls.id = l.logical_switch_id
            WHERE ls.transport_zone_id = :zone""";

    private TransportZoneStore() {
    }

    public static void insert(Handle handle, TransportZoneConfig zone) {
        handle.createUpdate("INSERT INTO transport_zone (id, name, replication_mode, generation)"
                        + " VALUES (:id, :name, :mode, :generation)")
                .bind("id", zone.id().value()).bind("name", zone.name())
                .bind("mode", zone.replicationMode().name()).bind("generation", zone.generation())
                .execute();
        addClusters(handle, zone.id(), zone.clusters());
    }

    public static void addClusters(Handle handle, TransportZoneId zone, Collection<ClusterId> clusters) {
        for (ClusterId cluster : clusters) {
            handle.createUpdate("INSERT INTO transport_zone_cluster (transport_zone_id, cluster_id) VALUES (:zone, :cluster)")
                    .bind("zone", zone.value()).bind("cluster", cluster.value()).execute();
        }
    }

    public static void removeClusters(Handle handle, TransportZoneId zone, Collection<ClusterId> clusters) {
        for (ClusterId cluster : clusters) {
            handle.createUpdate("DELETE FROM transport_zone_cluster WHERE transport_zone_id = :zone AND cluster_id = :cluster")
                    .bind("zone", zone.value()).bind("cluster", cluster.value()).execute();
        }
    }

    public static Optional<TransportZoneConfig> get(Handle handle, TransportZoneId id) {
        return handle.createQuery("SELECT id, name, replication_mode, generation FROM transport_zone WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new TransportZoneConfig(id, rs.getString("name"),
                        ReplicationMode.valueOf(rs.getString("replication_mode")), List.of(), rs.getLong("generation")))
                .findOne()
                .map(zone -> new TransportZoneConfig(zone.id(), zone.name(), zone.replicationMode(),
                        clusters(handle, id), zone.generation()));
    }

    /** All zones, oldest first. */
    public static List<TransportZoneConfig> list(Handle handle) {
        Map<TransportZoneId, List<ClusterId>> clusters = new HashMap<>();
        handle.createQuery("SELECT transport_zone_id, cluster_id FROM transport_zone_cluster ORDER BY cluster_id")
                .map((rs, ctx) -> Map.entry(TransportZoneId.of(rs.getString(1)), ClusterId.of(rs.getString(2))))
                .forEach(e -> clusters.computeIfAbsent(e.getKey(), zone -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("SELECT id, name, replication_mode, generation FROM transport_zone"
                        + " ORDER BY LENGTH(id), id")
                .map((rs, ctx) -> {
                    TransportZoneId id = TransportZoneId.of(rs.getString("id"));
                    return new TransportZoneConfig(id, rs.getString("name"),
                            ReplicationMode.valueOf(rs.getString("replication_mode")),
                            clusters.getOrDefault(id, List.of()), rs.getLong("generation"));
                })
                .list();
    }

    public static List<ClusterId> clusters(Handle handle, TransportZoneId zone) {
        return handle.createQuery("SELECT cluster_id FROM transport_zone_cluster WHERE transport_zone_id = :zone"
                        + " ORDER BY cluster_id")
                .bind("zone", zone.value()).map((rs, ctx) -> ClusterId.of(rs.getString(1))).list();
    }

    public static Optional<TransportZoneId> idByName(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM transport_zone WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> TransportZoneId.of(rs.getString(1))).findOne();
    }

    /** Which of {@code ids} are clusters of the compute inventory. */
    public static Set<ClusterId> existingClusters(Handle handle, Collection<ClusterId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(handle.createQuery("SELECT id FROM compute_cluster WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(ClusterId::value).toList())
                .map((rs, ctx) -> ClusterId.of(rs.getString(1))).list());
    }

    public static void delete(Handle handle, TransportZoneId id) {
        handle.createUpdate("DELETE FROM transport_zone WHERE id = :id").bind("id", id.value()).execute();
    }

    /**
     * Stamps the zone and everything that spans its hosts with {@code generation}: a changed
     * cluster list changes where each of its logical switches and DLRs must exist.
     */
    public static void stamp(Handle handle, TransportZoneId zone, long generation) {
        handle.createUpdate("UPDATE transport_zone SET generation = :g WHERE id = :zone")
                .bind("zone", zone.value()).bind("g", generation).execute();
        handle.createUpdate("UPDATE logical_switch SET generation = :g WHERE transport_zone_id = :zone")
                .bind("zone", zone.value()).bind("g", generation).execute();
        handle.createUpdate("UPDATE dlr SET generation = :g WHERE id IN (" + DLRS_OF_ZONE + ")")
                .bind("zone", zone.value()).bind("g", generation).execute();
    }

    public static ZoneUsage usage(Handle handle, TransportZoneId zone) {
        List<LogicalSwitchId> switches = handle.createQuery("SELECT id FROM logical_switch WHERE transport_zone_id = :zone"
                        + " ORDER BY LENGTH(id), id")
                .bind("zone", zone.value()).map((rs, ctx) -> LogicalSwitchId.of(rs.getString(1))).list();
        List<ZoneUsage.AttachedVnic> vnics = handle.createQuery("""
                        SELECT v.vm_id, v.vnic_index, h.cluster_id, v.logical_switch_id FROM vnic v
                        JOIN logical_switch ls ON ls.id = v.logical_switch_id
                        JOIN vm ON vm.id = v.vm_id JOIN host h ON h.id = vm.host_id
                        WHERE ls.transport_zone_id = :zone ORDER BY v.vm_id, v.vnic_index""")
                .bind("zone", zone.value())
                .map((rs, ctx) -> new ZoneUsage.AttachedVnic(VmId.of(rs.getString(1)), rs.getInt(2),
                        ClusterId.of(rs.getString(3)), LogicalSwitchId.of(rs.getString(4))))
                .list();
        Map<DlrId, Set<ClusterId>> controlVms = new HashMap<>();
        handle.createQuery("SELECT vm.dlr_id, h.cluster_id FROM vm JOIN host h ON h.id = vm.host_id"
                        + " WHERE vm.kind = 'CONTROL_VM' AND vm.dlr_id IN (" + DLRS_OF_ZONE + ")")
                .bind("zone", zone.value())
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString(1)), ClusterId.of(rs.getString(2))))
                .forEach(e -> controlVms.computeIfAbsent(e.getKey(), dlr -> new HashSet<>()).add(e.getValue()));
        Map<DlrId, ZoneUsage.ZoneDlr> dlrs = new TreeMap<>();
        handle.createQuery("SELECT id, state, appliance_cluster_id FROM dlr WHERE id IN (" + DLRS_OF_ZONE + ")")
                .bind("zone", zone.value())
                .map((rs, ctx) -> {
                    DlrId id = DlrId.of(rs.getString(1));
                    String cluster = rs.getString(3);
                    return new ZoneUsage.ZoneDlr(id, rs.getString(2), cluster == null ? null : ClusterId.of(cluster),
                            controlVms.getOrDefault(id, Set.of()));
                })
                .forEach(dlr -> dlrs.put(dlr.id(), dlr));
        return new ZoneUsage(switches, vnics, List.copyOf(dlrs.values()));
    }
}
