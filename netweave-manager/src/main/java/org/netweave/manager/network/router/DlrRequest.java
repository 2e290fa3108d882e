package org.netweave.manager.network.router;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A new distributed logical router (NSX POST /api/4.0/edges with type distributedRouter). The"
        + " manager checks everything, stores it and starts the deployment job; nothing is stored when a check fails.")
public record DlrRequest(
        @Schema(description = "Unique name, at most 255 characters.") String name,
        @Schema(description = "Tenant, the prefix of the instance name on hosts (<tenant>+edge-N): letters, digits, '.',"
                + " '_' and '-', at most 64 characters; default \"default\".", nullable = true) String tenant,
        @Schema(description = "Where and how its control VM runs.") DlrControlVmRequest controlVm,
        @Schema(description = "Its interfaces (LIFs), at least one on a logical switch; all its logical switches in one"
                + " transport zone. Indexes are given in order: uplinks 1-9, internals 10-999.")
        List<DlrInterfaceRequest> interfaces,
        @Schema(description = "Static routes; each next hop inside the subnet of one of its interfaces.", nullable = true)
        List<DlrStaticRouteRequest> staticRoutes,
        @Schema(description = "The default route, if any.", nullable = true) DlrDefaultRouteRequest defaultRoute) {
}
