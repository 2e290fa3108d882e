package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A static route of a DLR.")
public record DlrStaticRouteRequest(
        @Schema(description = "The destination network, e.g. 172.16.0.0/16, without host bits; not 0.0.0.0/0 (use"
                + " defaultRoute); each network once.") String network,
        @Schema(description = "The next hop: a host address inside the subnet of one of the DLR's interfaces, not an"
                + " interface's own address.") String nextHop,
        @Schema(description = "Administrative distance, 1-255; default 1.", nullable = true) Integer adminDistance,
        @Schema(description = "Free text, at most 255 characters.", nullable = true) String description) {
}
