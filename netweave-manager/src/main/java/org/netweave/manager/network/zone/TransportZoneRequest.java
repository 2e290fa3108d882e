package org.netweave.manager.network.zone;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ReplicationMode;

@Schema(description = "A new transport zone (NSX vdnScope): the compute clusters its logical switches and DLRs reach.")
public record TransportZoneRequest(
        @Schema(description = "Unique name, at most 255 characters.") String name,
        @Schema(description = "The default BUM replication mode of its logical switches.") ReplicationMode replicationMode,
        @Schema(description = "The compute clusters of the zone, at least one; each must exist.") List<String> clusterIds) {
}
