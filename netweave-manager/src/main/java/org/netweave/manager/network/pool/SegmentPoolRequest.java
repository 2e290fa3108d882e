package org.netweave.manager.network.pool;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A new segment pool (NSX POST /api/2.0/vdn/config/segments): a range of VNIs that logical"
        + " switches take their VNI from. Pools never overlap.")
public record SegmentPoolRequest(
        @Schema(description = "Unique name, at most 255 characters.") String name,
        @Schema(description = "The first VNI of the range, 5000-16777215.") Integer begin,
        @Schema(description = "The last VNI of the range, begin-16777215.") Integer end) {
}
