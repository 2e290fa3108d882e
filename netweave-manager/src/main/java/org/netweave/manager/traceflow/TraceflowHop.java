package org.netweave.manager.traceflow;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "One observation of a traceflow probe, in hop order.")
public record TraceflowHop(
        @Schema(description = "Its place in the path, from 1.") int hop,
        @Schema(description = "The host whose data plane saw the probe.") String host,
        @Schema(description = "RECEIVED, LOGICAL_RECEIVED, LOGICAL_FORWARDED, FORWARDED, BRIDGED, DELIVERED or DROPPED.")
        String kind,
        @Schema(description = "VNIC, PHYSICAL_UPLINK, LOGICAL_SWITCH, LOGICAL_ROUTER, TUNNEL or BRIDGE.") String component,
        @Schema(description = "Which one: a vNIC (vm-3.000), a switch (vni-5001), a DLR id, a VTEP address, a bridge"
                + " id, a VLAN uplink (vlan-100).") String componentName,
        @Schema(description = "The VNI involved, if any.", nullable = true) Integer vni,
        @Schema(description = "The DLR interface involved, if any.", nullable = true) String lif,
        @Schema(description = "The table entry that decided, if any (a route, a MAC to VTEP entry).", nullable = true)
        String decidedBy,
        @Schema(description = "Why the probe was dropped; only on DROPPED.", nullable = true) String dropReason) {

    static TraceflowHop of(int hop, Seen seen) {
        return new TraceflowHop(hop, seen.host().value(), seen.kind(), seen.component(), seen.componentName(),
                seen.vni() == 0 ? null : seen.vni(), seen.lif(), seen.decidedBy(), seen.dropReason());
    }
}
