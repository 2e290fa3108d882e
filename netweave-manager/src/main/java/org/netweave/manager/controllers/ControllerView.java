package org.netweave.manager.controllers;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ControllerId;

@Schema(description = "A controller node of the control cluster.")
public record ControllerView(
        @Schema(description = "The controller's id (controller-N).", implementation = String.class) ControllerId id,
        @Schema(description = "Its name.") String name,
        @Schema(description = "host:port where host agents reach it; null until it runs.", nullable = true) String address,
        @Schema(description = "DEPLOYING, RUNNING or REMOVING.") String status,
        @Schema(description = "When it was deployed.") Instant createdAt,
        @Schema(description = "The generation of its last change.") long generation,
        @Schema(description = "What the node says about itself; null when the manager cannot see it.", nullable = true)
        ControllerRuntime runtime) {
}
