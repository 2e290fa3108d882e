package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What a delete of the compute inventory did.")
public record InventoryDeleteResult(
        @Schema(description = "The id of the deleted object.") String id,
        @Schema(description = "The generation of the delete; a host that applied it no longer holds the object.")
        long generation) {
}
