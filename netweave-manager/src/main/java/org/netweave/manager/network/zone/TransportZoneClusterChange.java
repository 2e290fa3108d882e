package org.netweave.manager.network.zone;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Clusters to add to a transport zone (expand) or take out of it (shrink).")
public record TransportZoneClusterChange(
        @Schema(description = "The clusters, at least one, each named once.") List<String> clusterIds) {
}
