package org.netweave.manager.network.router;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR's static routing, replacing what it had (NSX PUT .../routing/config/static): an absent"
        + " list means no static routes, an absent defaultRoute no default route.")
public record DlrStaticRoutingRequest(
        @Schema(description = "The static routes.", nullable = true) List<DlrStaticRouteRequest> staticRoutes,
        @Schema(description = "The default route.", nullable = true) DlrDefaultRouteRequest defaultRoute) {
}
