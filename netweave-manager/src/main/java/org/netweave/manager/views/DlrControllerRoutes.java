package org.netweave.manager.views;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR's routing table as its owning (master) controller holds it: NSX's show logical-router "
        + "controller master dlr <dlr> route.")
public record DlrControllerRoutes(
        @Schema(description = "The DLR.") String dlrId,
        @Schema(description = "The controller that owns the DLR's slice (its master).") String controllerId,
        @Schema(description = "The epoch of the assignment under which it owns it.") long epoch,
        @Schema(description = "Whether the master holds the DLR yet; false until the manager's write reaches it.")
        boolean present,
        @Schema(description = "The control VM that last pushed the forwarding table; null when none has.",
                nullable = true) String controlVm,
        @Schema(description = "The LIFs' connected subnets, then the forwarding table, by destination.")
        List<RouteView> routes) {
}
