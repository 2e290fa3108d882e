package org.netweave.manager.network.router;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;

@Schema(description = "A distributed logical router with its whole configuration and realised state.")
public record Dlr(
        @Schema(description = "The DLR's id, edge-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "Its tenant.") String tenant,
        @Schema(description = "Its instance name on hosts, <tenant>+edge-N.") String instanceName,
        @Schema(description = "Its control VM settings.") DlrControlVm controlVm,
        @Schema(description = "The transport zone of its logical switches: it exists on every host of that zone.",
                nullable = true) String transportZoneId,
        @Schema(description = "DEPLOYING while its deployment job runs, then DEPLOYED (or FAILED); DELETING while its"
                + " undeployment job runs; STORED for a Neutron router's DLR, which is desired state only (no control VM).") DlrState state,
        @Schema(description = "Whether the hosts of its zone carry its instance (deployment step 5 done).")
        boolean instancesCreated,
        @Schema(description = "Whether its LIFs are on the controller cluster (deployment step 9 done).") boolean lifsPublished,
        @Schema(description = "The controller node that masters it, once chosen.", nullable = true) String controllerId,
        @Schema(description = "Its interfaces by index.") List<DlrInterface> interfaces,
        @Schema(description = "Its static routes by network.") List<DlrStaticRoute> staticRoutes,
        @Schema(description = "Its default route, or null.", nullable = true) DlrDefaultRoute defaultRoute,
        @Schema(description = "Its L2 bridges by name.") List<DlrBridge> bridges,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Which hosts of its zone have applied that generation.") Realization realization) {

    static Dlr of(DlrConfig dlr, Realization realization) {
        return new Dlr(dlr.id().value(), dlr.name(), dlr.tenant(), dlr.instanceName(),
                new DlrControlVm(dlr.haEnabled(), dlr.applianceCluster() == null ? null : dlr.applianceCluster().value()),
                dlr.transportZone() == null ? null : dlr.transportZone().value(), dlr.state(), dlr.instancesCreated(),
                dlr.lifsPublished(), dlr.controller() == null ? null : dlr.controller().value(),
                dlr.lifs().stream().map(DlrInterface::of).toList(),
                dlr.staticRoutes().stream().map(DlrStaticRoute::of).toList(), DlrDefaultRoute.of(dlr.defaultRoute()),
                dlr.bridges().stream().map(DlrBridge::of).toList(), dlr.generation(), realization);
    }
}
