package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An L2 bridge between one logical switch and one VLAN (NSX bridging/config); it runs on the host"
        + " of the DLR's active control VM.")
public record DlrBridgeRequest(
        @Schema(description = "The logical switch, in the DLR's transport zone and in no other bridge.") String logicalSwitchId,
        @Schema(description = "The VLAN, 1-4094, in no other bridge.") Integer vlan) {
}
