package org.netweave.manager.realization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The realised state of an object: the generation of its last write and, for every host that"
        + " holds it, whether that host has applied it. A client waits for state REALIZED instead of sleeping.")
public record Realization(
        @Schema(description = "The generation of the object's last write.") long generation,
        @Schema(description = "REALIZED when every host that holds the object applied its generation (or no host holds"
                + " it), otherwise IN_PROGRESS.") RealizationState state,
        @Schema(description = "One entry per host that holds the object, sorted by host id.") List<HostRealization> hosts) {

    public Realization {
        hosts = List.copyOf(hosts);
    }
}
