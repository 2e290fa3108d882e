package org.netweave.manager.jobs;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.JobId;

@Schema(description = "A multi-step workflow the manager carries out, with its named steps.")
public record JobView(
        @Schema(description = "The job's id (jobdata-N).", implementation = String.class) JobId id,
        @Schema(description = "What kind of work: DEPLOY_DLR, UNDEPLOY_DLR, DEPLOY_CONTROLLER, REMOVE_CONTROLLER.") String kind,
        @Schema(description = "The object the job works on.", nullable = true) String subjectId,
        @Schema(description = "QUEUED, RUNNING, ROLLING_BACK, SUCCEEDED or FAILED.") JobState state,
        @Schema(description = "Why the job failed; null unless FAILED.", nullable = true) String error,
        @Schema(description = "When the job was created.") Instant createdAt,
        @Schema(description = "When it started running.", nullable = true) Instant startedAt,
        @Schema(description = "When it finished.", nullable = true) Instant finishedAt,
        @Schema(description = "The steps in order.") List<JobStepView> steps) {

    public JobView {
        steps = List.copyOf(steps);
    }
}
