package org.netweave.manager.controllers;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What a running controller node says about itself (show control-cluster status).")
public record ControllerRuntime(
        @Schema(description = "Whether the node runs.") boolean up,
        @Schema(description = "Join status, e.g. 'Join complete'.") String joinStatus,
        @Schema(description = "Majority status, e.g. 'Connected to cluster majority'.") String majorityStatus,
        @Schema(description = "Whether the controller can be restarted without stopping the cluster, and why.") String restartStatus,
        @Schema(description = "The roles this node is master of (switch_manager, logical_manager, …).") List<String> masterOf,
        @Schema(description = "How many slices the newest assignment gives this node, per sharding role"
                + " (switch_manager, logical_manager).") Map<String, Integer> assignedSlices,
        @Schema(description = "Host sessions open at this node.") int hostSessions,
        @Schema(description = "Host claims this node refused since it started, by reason: vni-not-spanned (a join"
                + " of a VNI whose switch does not span the host), mac-not-held (a MAC that is not the host's vNIC's),"
                + " ip-not-held (an IP bound to a MAC or address the host's vNIC does not have).")
        Map<String, Long> refusedHostClaims) {

    static ControllerRuntime down() {
        return new ControllerRuntime(false, "", "", "", List.of(), Map.of(), 0, Map.of());
    }
}
