package org.netweave.manager.traceflow;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A traceflow: a probe packet injected at a VM's vNIC and observed hop by hop.")
public record TraceflowRequest(
        @Schema(description = "The source vNIC: the VM id, a dot and the vNIC's three-digit index, as NSX names vNICs"
                + " (vm-3.000).") String source,
        @Schema(description = "The probe packet's fields.") TraceflowPacket packet,
        @Schema(description = "How long to collect observations, in milliseconds (100-60000; default 5000). The trace"
                + " completes earlier once every path it took has ended.", nullable = true) Integer timeoutMs) {
}
