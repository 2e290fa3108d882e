package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A static route of a DLR.")
public record DlrStaticRoute(
        @Schema(description = "The destination network.") String network,
        @Schema(description = "The next hop, inside the subnet of one of the DLR's interfaces.") String nextHop,
        @Schema(description = "Administrative distance.") int adminDistance,
        @Schema(description = "Free text.", nullable = true) String description) {

    static DlrStaticRoute of(StaticRoute route) {
        return new DlrStaticRoute(route.network().toString(), route.nextHop().toString(), route.adminDistance(),
                route.description());
    }
}
