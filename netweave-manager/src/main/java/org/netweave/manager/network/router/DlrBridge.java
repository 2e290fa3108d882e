package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An L2 bridge of a DLR between one logical switch and one VLAN.")
public record DlrBridge(
        @Schema(description = "The bridge's id, bridge-N.") String id,
        @Schema(description = "Its name, unique within the DLR, at most 40 characters.") String name,
        @Schema(description = "The bridged logical switch.") String logicalSwitchId,
        @Schema(description = "That switch's VNI.") int vni,
        @Schema(description = "The bridged VLAN.") int vlan,
        @Schema(description = "The generation of its last write.") long generation) {

    static DlrBridge of(Bridge bridge) {
        return new DlrBridge(bridge.id().value(), bridge.name(), bridge.logicalSwitch().value(), bridge.vni().value(),
                bridge.vlan().value(), bridge.generation());
    }
}
