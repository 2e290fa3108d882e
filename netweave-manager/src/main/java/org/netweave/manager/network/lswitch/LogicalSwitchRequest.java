package org.netweave.manager.network.lswitch;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ReplicationMode;

@Schema(description = "A new logical switch (NSX virtualWireCreateSpec) in a transport zone.")
public record LogicalSwitchRequest(
        @Schema(description = "Unique name, at most 255 characters.") String name,
        @Schema(description = "The transport zone (vdnscope-N) whose hosts the switch reaches.") String transportZoneId,
        @Schema(description = "BUM replication mode; default: the zone's.", nullable = true) ReplicationMode replicationMode,
        @Schema(description = "The VNI, 5000-16777215, inside a segment pool and not taken; default: the lowest free VNI"
                + " of the pools.", nullable = true) Integer vni) {
}
