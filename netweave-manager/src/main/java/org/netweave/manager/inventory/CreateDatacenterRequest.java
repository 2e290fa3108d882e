package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A datacenter to create; the manager gives it an id datacenter-N.")
public record CreateDatacenterRequest(
        @Schema(description = "Unique name, 1-255 characters.", requiredMode = Schema.RequiredMode.REQUIRED) String name) {

    String toName() {
        return RequestFields.name("name", name);
    }
}
