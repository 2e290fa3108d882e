package org.netweave.manager.network.zone;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.ReplicationMode;

@Schema(description = "A transport zone: the clusters, and so the hosts, that its logical switches and DLRs span.")
public record TransportZone(
        @Schema(description = "The zone's id, vdnscope-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "The default replication mode of its logical switches.") ReplicationMode replicationMode,
        @Schema(description = "Its compute clusters, sorted.") List<String> clusterIds,
        @Schema(description = "The hosts of those clusters, sorted: where its logical switches and DLRs are created.")
        List<String> hostIds,
        @Schema(description = "The generation of the zone's last write (create, expand, shrink).") long generation) {

    static TransportZone of(TransportZoneConfig zone, List<HostId> hosts) {
        return new TransportZone(zone.id().value(), zone.name(), zone.replicationMode(),
                zone.clusters().stream().map(ClusterId::value).toList(), hosts.stream().map(HostId::value).toList(),
                zone.generation());
    }
}
