package org.netweave.manager.network.vnic;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Attach a vNIC to a logical switch or, with logicalSwitchId null or absent, detach it (NSX POST"
        + " /api/2.0/vdn/virtualwires/vm/vnic with an empty portgroupId).")
public record VnicAttachmentRequest(
        @Schema(description = "The logical switch (virtualwire-N); its transport zone must hold the cluster of the VM's"
                + " host. Null detaches.", nullable = true) String logicalSwitchId) {
}
