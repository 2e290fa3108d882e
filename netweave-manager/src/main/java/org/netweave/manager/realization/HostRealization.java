package org.netweave.manager.realization;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.HostId;

@Schema(description = "How far one host has applied the manager's desired state.")
public record HostRealization(
        @Schema(description = "The host.", implementation = String.class) HostId host,
        @Schema(description = "The newest generation the host reported applied; 0 if it never reported.") long appliedGeneration,
        @Schema(description = "Whether the host's agent is connected to the manager now.") boolean connected,
        @Schema(description = "appliedGeneration >= the object's generation.") boolean realized) {
}
