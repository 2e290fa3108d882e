package org.netweave.manager.controllers;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A controller job was accepted; follow it at /api/v1/jobs/{jobId}.")
public record ControllerJobAccepted(
        @Schema(description = "The controller the job works on.") String controllerId,
        @Schema(description = "The job.") String jobId,
        @Schema(description = "The generation of the write that accepted it.") long generation) {
}
