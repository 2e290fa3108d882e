package org.netweave.manager.network.lswitch;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.ReplicationMode;

@Schema(description = "A logical switch: one VXLAN segment on every host of its transport zone.")
public record LogicalSwitch(
        @Schema(description = "The switch's id, virtualwire-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "Its VNI (NSX vdnId).") int vni,
        @Schema(description = "Its transport zone.") String transportZoneId,
        @Schema(description = "How it replicates broadcast, unknown unicast and multicast frames.") ReplicationMode replicationMode,
        @Schema(description = "The generation of its last write (its own, its external VTEPs' or its zone's clusters').")
        long generation,
        @Schema(description = "Which hosts of its zone have applied that generation.") Realization realization) {

    static LogicalSwitch of(LogicalSwitchConfig config, Realization realization) {
        return new LogicalSwitch(config.id().value(), config.name(), config.vni().value(),
                config.transportZone().value(), config.replicationMode(), config.generation(), realization);
    }
}
