package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.HostId;

@Schema(description = "Where to move a VM. A running VM moves by vMotion, which needs a VMkernel port with VMOTION on"
        + " both hosts; a powered-off VM moves cold. The move must not break an anti-affinity rule.")
public record MigrateVmRequest(
        @Schema(description = "The host to move to; powered on.", requiredMode = Schema.RequiredMode.REQUIRED) String hostId) {

    HostId toHost() {
        return RequestFields.id("hostId", hostId, HostId::of);
    }
}
