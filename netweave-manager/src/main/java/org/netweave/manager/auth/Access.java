package org.netweave.manager.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, as a pure rule over the method and the path: an auditor reads, a network
 * engineer also changes logical networking, an enterprise administrator changes everything. The
 * paths are the API's own ({@code /api/v1/...}, {@code /v2.0/...}), so one rule covers both APIs.
 */
public final class Access {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** What a network engineer changes below /api/v1: the logical network, and traces through it. */
    private static final Set<String> NETWORKING = Set.of("logical-switches", "dlrs", "traceflows");

    private Access() {
    }

    /** Why {@code role} may not {@code method} {@code path}; empty when it may. */
    public static Optional<String> refusal(ApiRole role, String method, String path) {
        if (role == ApiRole.ENTERPRISE_ADMIN || READS.contains(method) && !path.startsWith("/api/v1/tokens")) {
            return Optional.empty();
        }
        if (role == ApiRole.NETWORK_ENGINEER && isNetworking(path)) {
            return Optional.empty();
        }
        return Optional.of("the " + role.apiName() + " role may not " + method + " " + path
                + (role == ApiRole.AUDITOR ? " (auditors read only)" : " (network engineers change logical networking only)"));
    }

    private static boolean isNetworking(String path) {
        if (path.startsWith("/v2.0/")) {
            return true; // Neutron's networks, subnets, ports and routers are the logical network
        }
        String[] segments = path.split("/");
        // "", "api", "v1", resource, ...
        if (segments.length < 4 || !segments[1].equals("api") || !segments[2].equals("v1")) {
            return false;
        }
        // Connecting a VM's vNIC to a logical switch is networking; the VM itself is inventory.
        boolean vnic = segments[3].equals("vms") && segments.length == 7 && segments[5].equals("vnics");
        return NETWORKING.contains(segments[3]) || vnic;
    }
}
