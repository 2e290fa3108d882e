package org.netweave.manager.traceflow;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The probe a traceflow injected, with every field as it was sent.")
public record TraceflowProbeView(
        @Schema(description = "The id the probe carried from host to host in the VXLAN header.") int traceId,
        @Schema(description = "The source MAC.") String srcMac,
        @Schema(description = "The destination MAC.") String dstMac,
        @Schema(description = "The source IPv4 address.") String srcIp,
        @Schema(description = "The destination IPv4 address.") String dstIp,
        @Schema(description = "icmp, udp or tcp.") String protocol,
        @Schema(description = "The source port (udp and tcp).", nullable = true) Integer srcPort,
        @Schema(description = "The destination port (udp and tcp).", nullable = true) Integer dstPort,
        @Schema(description = "The IP TTL it left with.") int ttl,
        @Schema(description = "Whether the destination is off the source's subnet, so a DLR routes it.") boolean routed) {

    static TraceflowProbeView of(int traceId, Probe p) {
        boolean ports = p.protocol() != ProbeProtocol.ICMP;
        return new TraceflowProbeView(traceId, p.srcMac().toString(), p.dstMac().toString(), p.srcIp().toString(),
                p.dstIp().toString(), p.protocol().name().toLowerCase(java.util.Locale.ROOT),
                ports ? p.srcPort() : null, ports ? p.dstPort() : null, p.ttl(), p.routed());
    }
}
