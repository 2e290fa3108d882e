package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The default route (0.0.0.0/0) of a DLR.")
public record DlrDefaultRouteRequest(
        @Schema(description = "The gateway: a host address inside the subnet of one of the DLR's interfaces, not an"
                + " interface's own address.") String gatewayAddress,
        @Schema(description = "Administrative distance, 1-255; default 1.", nullable = true) Integer adminDistance,
        @Schema(description = "Free text, at most 255 characters.", nullable = true) String description) {
}
