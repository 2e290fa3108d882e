package org.netweave.manager.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.netweave.model.HostId;
import org.netweave.model.TransportZoneId;

/**
 * Which hosts hold an object: the hosts of the clusters of its transport zone. A logical switch
 * and a DLR are both created on every host of their zone (seed 000 step 5), so this is the span
 * their realised state is measured over.
 */
public final class Spans {
    private Spans() {
    }

    /** The hosts of the zone's clusters, sorted by id. */
    public static List<HostId> hostsOfZone(Handle handle, TransportZoneId zone) {
        return handle.createQuery("""
                        SELECT DISTINCT h.id FROM transport_zone_cluster tzc
                        JOIN host h ON h.cluster_id = tzc.cluster_id
                        WHERE tzc.transport_zone_id = :zone ORDER BY h.id""")
                .bind("zone", zone.value())
                .map((rs, ctx) -> HostId.of(rs.getString(1)))
                .list();
    }

    /** Every zone's hosts in one query, for lists; a zone whose clusters have no hosts is absent. */
    public static Map<TransportZoneId, List<HostId>> hostsByZone(Handle handle) {
        Map<TransportZoneId, List<HostId>> hosts = new TreeMap<>();
        handle.createQuery("""
                        SELECT tzc.transport_zone_id, h.id FROM transport_zone_cluster tzc
                        JOIN host h ON h.cluster_id = tzc.cluster_id ORDER BY h.id""")
                .map((rs, ctx) -> Map.entry(TransportZoneId.of(rs.getString(1)), HostId.of(rs.getString(2))))
                .forEach(e -> hosts.computeIfAbsent(e.getKey(), zone -> new ArrayList<>()).add(e.getValue()));
        return hosts;
    }
}
