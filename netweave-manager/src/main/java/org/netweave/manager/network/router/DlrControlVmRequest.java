package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The control VM of a DLR (NSX appliances): one, or an active/standby pair.")
public record DlrControlVmRequest(
        @Schema(description = "Whether to deploy an HA pair, kept on different hosts by an anti-affinity rule.")
        Boolean haEnabled,
        @Schema(description = "The compute cluster for the control VMs, a cluster of the DLR's transport zone; default:"
                + " any cluster of that zone.", nullable = true) String clusterId) {
}
