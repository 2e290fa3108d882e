package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.DatacenterId;

@Schema(description = "A compute cluster to create in a datacenter; the manager gives it an id domain-cN.")
public record CreateClusterRequest(
        @Schema(description = "The datacenter it belongs to.", requiredMode = Schema.RequiredMode.REQUIRED) String datacenterId,
        @Schema(description = "Name, 1-255 characters, unique within the datacenter.", requiredMode = Schema.RequiredMode.REQUIRED)
        String name) {

    DatacenterId toDatacenter() {
        return RequestFields.id("datacenterId", datacenterId, DatacenterId::of);
    }

    String toName() {
        return RequestFields.name("name", name);
    }
}
