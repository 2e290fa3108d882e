package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;

@Schema(description = "A datacenter: the top of the compute inventory. Its clusters: GET /clusters?datacenterId=.")
public record DatacenterView(
        @Schema(description = "Its id, datacenter-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Realised state; no host holds a datacenter, so it is REALIZED with no hosts.")
        Realization realization) {

    static DatacenterView of(DatacenterRecord datacenter, Realization realization) {
        return new DatacenterView(datacenter.id().value(), datacenter.name(), datacenter.generation(), realization);
    }
}
