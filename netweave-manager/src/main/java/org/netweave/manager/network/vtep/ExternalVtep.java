package org.netweave.manager.network.vtep;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An external VTEP on a logical switch and the MACs behind it.")
public record ExternalVtep(
        @Schema(description = "The logical switch.") String logicalSwitchId,
        @Schema(description = "The VTEP's IPv4 address.") String vtepIp,
        @Schema(description = "The MACs behind it, sorted.") List<ExternalVtepBinding> bindings,
        @Schema(description = "The generation of its last write.") long generation) {

    static ExternalVtep of(ExternalVtepConfig config) {
        return new ExternalVtep(config.logicalSwitch().value(), config.vtep().toString(),
                config.bindings().stream().map(ExternalVtepBinding::of).toList(), config.generation());
    }
}
