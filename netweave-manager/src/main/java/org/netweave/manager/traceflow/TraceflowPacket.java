package org.netweave.manager.traceflow;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The fields of a traceflow probe; what is left out is taken from the source vNIC and the network.")
public record TraceflowPacket(
        @Schema(description = "The destination IPv4 address.") String dstIp,
        @Schema(description = "icmp (an echo request, the default), udp or tcp (a SYN).", nullable = true) String protocol,
        @Schema(description = "The destination port, for udp and tcp (default 80).", nullable = true) Integer dstPort,
        @Schema(description = "The source port, for udp and tcp (default 49152).", nullable = true) Integer srcPort,
        @Schema(description = "The IP TTL (1-255, default 64).", nullable = true) Integer ttl,
        @Schema(description = "The source IPv4 address; default: the vNIC's. Another one is dropped by SpoofGuard at the"
                + " vNIC, and the trace shows it.", nullable = true) String srcIp,
        @Schema(description = "The source MAC; default: the vNIC's. Another one is dropped by SpoofGuard at the vNIC.",
                nullable = true) String srcMac,
        @Schema(description = "The destination MAC; default: the DLR interface's MAC when the destination is off the"
                + " source's subnet (routed), the VM that holds the address on the same logical switch when it is on"
                + " it, else broadcast.", nullable = true) String dstMac) {
}
