package org.netweave.manager.network.vtep;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The MACs behind an external VTEP (a hardware VTEP or another system's) on a logical switch;"
        + " replaces what the VTEP had.")
public record ExternalVtepRequest(
        @Schema(description = "The MACs, each once; an empty list keeps the VTEP in the flood list without MACs.")
        List<ExternalVtepBinding> bindings) {
}
