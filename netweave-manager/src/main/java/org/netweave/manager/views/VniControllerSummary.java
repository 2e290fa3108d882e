package org.netweave.manager.views;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Which controller owns a VNI, with its counts: NSX's show control-cluster logical-switches vni <vni>.")
public record VniControllerSummary(
        @Schema(description = "The VNI.") int vni,
        @Schema(description = "The controller that acts for the VNI's slice (its master).") String controllerId,
        @Schema(description = "The epoch of the assignment under which that controller owns it.") long epoch,
        @Schema(description = "Whether the owner holds the logical switch yet; false until the manager's write "
                + "reaches it, with every count 0.") boolean present,
        @Schema(description = "BUM replication: UNICAST, HYBRID or MULTICAST; null while not present.", nullable = true)
        String replicationMode,
        @Schema(description = "Whether the owner answers hosts' ARP queries (ARP suppression).") boolean arpProxy,
        @Schema(description = "How many host connections have joined the VNI.") int connections,
        @Schema(description = "How many VTEPs have joined the VNI.") int vteps) {
}
