package org.netweave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.Columns;

/** A traceflow result as text: the probe, the hops in order, the result. A pure function of the JSON. */
final class TraceflowText {
    private TraceflowText() {
    }

    static String render(JsonNode trace) {
        JsonNode probe = trace.path("probe");
        StringBuilder text = new StringBuilder();
        text.append(String.format("Traceflow %s: %s on %s -> %s %s%s, ttl %d%s%n", trace.path("id").asText(),
                trace.path("source").asText(), trace.path("sourceHost").asText(), probe.path("dstIp").asText(),
                probe.path("protocol").asText(), probe.hasNonNull("dstPort") ? "/" + probe.path("dstPort").asInt() : "",
                probe.path("ttl").asInt(), probe.path("routed").asBoolean() ? ", routed" : ""));
        Columns hops = new Columns("Hop", "Host", "Component", "Name", "Observation", "VNI", "LIF", "Detail");
        for (JsonNode hop : trace.path("observations")) {
            String detail = hop.hasNonNull("dropReason") ? hop.path("dropReason").asText()
                    + (hop.hasNonNull("decidedBy") ? " (" + hop.path("decidedBy").asText() + ")" : "")
                    : hop.path("decidedBy").asText("-");
            hops.row(hop.path("hop").asInt(), hop.path("host").asText(), hop.path("component").asText(),
                    hop.path("componentName").asText(), hop.path("kind").asText(),
                    hop.hasNonNull("vni") ? hop.path("vni").asInt() : "-", hop.path("lif").asText("-"),
                    detail.isEmpty() || detail.equals("null") ? "-" : detail);
        }
        text.append(hops.render());
        text.append("Result: ").append(trace.path("result").asText()).append(" - ")
                .append(trace.path("resultSummary").asText()).append(System.lineSeparator());
        return text.toString();
    }
}
