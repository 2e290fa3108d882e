package org.netweave.manager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {
    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "enterprise_admin, POST, /api/v1/controllers, allowed",
            "enterprise_admin, POST, /api/v1/tokens, allowed",
            "enterprise_admin, DELETE, /api/v1/hosts/host-1, allowed",
            "network_engineer, POST, /api/v1/logical-switches, allowed",
            "network_engineer, DELETE, /api/v1/logical-switches/virtualwire-1, allowed",
            "network_engineer, POST, /api/v1/dlrs, allowed",
            "network_engineer, PUT, /api/v1/dlrs/edge-1/routing/static, allowed",
            "network_engineer, POST, /api/v1/traceflows, allowed",
            "network_engineer, PUT, /api/v1/vms/vm-3/vnics/0, allowed",
            "network_engineer, POST, /v2.0/networks, allowed",
            "network_engineer, PUT, /v2.0/routers/r1/add_router_interface, allowed",
            "network_engineer, GET, /api/v1/controllers, allowed",
            "network_engineer, POST, /api/v1/controllers, refused",
            "network_engineer, POST, /api/v1/controllers/controller-1/stop, refused",
            "network_engineer, POST, /api/v1/vms, refused",
            "network_engineer, POST, /api/v1/vms/vm-3/migrate, refused",
            "network_engineer, DELETE, /api/v1/vms/vm-3, refused",
            "network_engineer, POST, /api/v1/hosts, refused",
            "network_engineer, POST, /api/v1/clusters/domain-c1/prepare, refused",
            "network_engineer, POST, /api/v1/transport-zones, refused",
            "network_engineer, POST, /api/v1/tokens, refused",
            "network_engineer, GET, /api/v1/tokens, refused",
            "auditor, GET, /api/v1/logical-switches, allowed",
            "auditor, GET, /metrics, allowed",
            "auditor, GET, /v2.0/networks, allowed",
            "auditor, POST, /api/v1/logical-switches, refused",
            "auditor, POST, /api/v1/traceflows, refused",
            "auditor, POST, /v2.0/networks, refused",
            "auditor, GET, /api/v1/tokens, refused",
    })
    void eachRoleDoesWhatNsxLetsIt(String role, String method, String path, String outcome) {
        assertThat(Access.refusal(ApiRole.parse("role", role), method, path).isEmpty())
                .isEqualTo(outcome.equals("allowed"));
    }
}
