package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The default route of a DLR.")
public record DlrDefaultRoute(
        @Schema(description = "The gateway, inside the subnet of one of the DLR's interfaces.") String gatewayAddress,
        @Schema(description = "Administrative distance.") int adminDistance,
        @Schema(description = "Free text.", nullable = true) String description) {

    static DlrDefaultRoute of(StaticRoute route) {
        return route == null ? null
                : new DlrDefaultRoute(route.nextHop().toString(), route.adminDistance(), route.description());
    }
}
