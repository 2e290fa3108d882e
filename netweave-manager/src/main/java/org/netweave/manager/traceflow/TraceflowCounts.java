package org.netweave.manager.traceflow;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "How many observations of each kind a traceflow collected, as NSX's traceflow summary counts them.")
public record TraceflowCounts(
        @Schema(description = "RECEIVED observations.") int received,
        @Schema(description = "LOGICAL_RECEIVED observations.") int logicalReceived,
        @Schema(description = "LOGICAL_FORWARDED observations.") int logicalForwarded,
        @Schema(description = "FORWARDED observations (into a tunnel).") int forwarded,
        @Schema(description = "BRIDGED observations.") int bridged,
        @Schema(description = "DELIVERED observations.") int delivered,
        @Schema(description = "DROPPED observations.") int dropped) {

    static TraceflowCounts of(List<Seen> seen) {
        return new TraceflowCounts(count(seen, "RECEIVED"), count(seen, "LOGICAL_RECEIVED"),
                count(seen, "LOGICAL_FORWARDED"), count(seen, "FORWARDED"), count(seen, "BRIDGED"),
                count(seen, "DELIVERED"), count(seen, "DROPPED"));
    }

    private static int count(List<Seen> seen, String kind) {
        return (int) seen.stream().filter(s -> s.is(kind)).count();
    }
}
