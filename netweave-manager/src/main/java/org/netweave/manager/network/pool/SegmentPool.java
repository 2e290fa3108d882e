package org.netweave.manager.network.pool;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A segment pool: a range of VNIs that logical switches take their VNI from.")
public record SegmentPool(
        @Schema(description = "The pool's id, segmentpool-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "The first VNI of the range.") int begin,
        @Schema(description = "The last VNI of the range.") int end,
        @Schema(description = "How many logical switches hold a VNI of the range.") int allocated,
        @Schema(description = "The generation of the write that created the pool.") long generation) {

    static SegmentPool of(SegmentPoolConfig pool, int allocated) {
        return new SegmentPool(pool.id().value(), pool.name(), pool.range().begin().value(),
                pool.range().end().value(), allocated, pool.generation());
    }
}
