package org.netweave.manager.network;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What a delete of a logical networking object answers: the object and the generation of the"
        + " write that removed it, to wait for the hosts to apply.")
public record NetworkDeletion(
        @Schema(description = "The deleted object's id (for a sub-resource, its key such as a VTEP address or a LIF index).")
        String id,
        @Schema(description = "The generation of the delete.") long generation) {
}
