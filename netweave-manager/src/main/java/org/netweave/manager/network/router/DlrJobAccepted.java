package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR deployment or removal was accepted: its job carries it out.")
public record DlrJobAccepted(
        @Schema(description = "The DLR, edge-N.") String dlrId,
        @Schema(description = "The job; follow it at /api/v1/jobs/{jobId}.") String jobId,
        @Schema(description = "The generation of the write that accepted the request.") long generation) {
}
