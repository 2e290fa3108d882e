package org.netweave.manager.network.router;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR's static routing.")
public record DlrStaticRouting(
        @Schema(description = "The DLR.") String dlrId,
        @Schema(description = "Its static routes, by network.") List<DlrStaticRoute> staticRoutes,
        @Schema(description = "Its default route, or null.", nullable = true) DlrDefaultRoute defaultRoute,
        @Schema(description = "The generation of the DLR's last write.") long generation) {

    static DlrStaticRouting of(DlrConfig dlr) {
        return new DlrStaticRouting(dlr.id().value(), dlr.staticRoutes().stream().map(DlrStaticRoute::of).toList(),
                DlrDefaultRoute.of(dlr.defaultRoute()), dlr.generation());
    }
}
