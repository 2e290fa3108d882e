package org.netweave.manager.traceflow;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A traceflow: its probe, its state, and the observations in hop order.")
public record TraceflowView(
        @Schema(description = "The traceflow id (traceflow-N).") String id,
        @Schema(description = "IN_PROGRESS while observations are collected, then COMPLETE.") String state,
        @Schema(description = "DELIVERED (some observation delivered the probe), DROPPED (none did and one dropped it),"
                + " NO_OBSERVATIONS, FAILED (the probe could not be injected); IN_PROGRESS until complete.") String result,
        @Schema(description = "The result in words.") String resultSummary,
        @Schema(description = "The source vNIC.") String source,
        @Schema(description = "The host the probe was injected on.") String sourceHost,
        @Schema(description = "The probe as sent.") TraceflowProbeView probe,
        @Schema(description = "Observations by kind.") TraceflowCounts counts,
        @Schema(description = "The observations in hop order.") List<TraceflowHop> observations,
        @Schema(description = "When the traceflow started (ISO-8601).") String startedAt) {
}
