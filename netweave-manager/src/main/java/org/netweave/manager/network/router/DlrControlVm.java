package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The control VM settings of a DLR.")
public record DlrControlVm(
        @Schema(description = "Whether it runs as an active/standby pair.") boolean haEnabled,
        @Schema(description = "The cluster its control VMs are placed in, or null for any cluster of its zone.",
                nullable = true) String clusterId) {
}
