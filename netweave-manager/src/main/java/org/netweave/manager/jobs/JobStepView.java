package org.netweave.manager.jobs;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "One named step of a job.")
public record JobStepView(
        @Schema(description = "Position in the job, from 1.") int index,
        @Schema(description = "What the step does, in the words of the workflow it follows.") String name,
        @Schema(description = "PENDING, RUNNING, DONE, FAILED or ROLLED_BACK.") StepState state,
        @Schema(description = "What the step found or did, or why it failed.", nullable = true) String detail,
        @Schema(description = "When the step started.", nullable = true) Instant startedAt,
        @Schema(description = "When the step finished.", nullable = true) Instant finishedAt) {
}
