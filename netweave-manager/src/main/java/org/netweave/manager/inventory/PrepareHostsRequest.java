package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Host preparation: the IP pool the VTEP addresses come from.")
public record PrepareHostsRequest(
        @Schema(description = "The IP pool (ipaddresspool-N).", requiredMode = Schema.RequiredMode.REQUIRED) String ipPoolId) {

    IpPoolId toPool() {
        return RequestFields.id("ipPoolId", ipPoolId, IpPoolId::of);
    }
}
