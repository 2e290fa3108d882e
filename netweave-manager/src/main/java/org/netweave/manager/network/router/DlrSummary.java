package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;

@Schema(description = "A DLR in a list: GET /dlrs/{id} gives its interfaces, routes and bridges.")
public record DlrSummary(
        @Schema(description = "The DLR's id, edge-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "Its tenant.") String tenant,
        @Schema(description = "DEPLOYING, DEPLOYED, DELETING or FAILED; STORED for a Neutron router's DLR (desired state"
                + " only, no control VM).") DlrState state,
        @Schema(description = "The transport zone of its logical switches.", nullable = true) String transportZoneId,
        @Schema(description = "How many interfaces it has.") int interfaceCount,
        @Schema(description = "How many bridges it has.") int bridgeCount,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Which hosts of its zone have applied that generation.") Realization realization) {

    static DlrSummary of(DlrConfig dlr, Realization realization) {
        return new DlrSummary(dlr.id().value(), dlr.name(), dlr.tenant(), dlr.state(),
                dlr.transportZone() == null ? null : dlr.transportZone().value(), dlr.lifs().size(), dlr.bridges().size(),
                dlr.generation(), realization);
    }
}
