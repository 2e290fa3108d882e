package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;
import static org.netweave.manager.network.router.DlrFixtures.ZONE_A;
import static org.netweave.manager.network.router.DlrFixtures.dlr;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.ClusterId;
import org.netweave.model.JobId;

class DlrRulesTest {
    private static final ClusterId C1 = ClusterId.of("domain-c1");

    @Test
    void theTenantDefaultsAndPrefixesTheInstanceName() {
        assertThat(DlrRules.tenant(null)).isEqualTo("default");
        assertThat(DlrRules.tenant("acme-1")).isEqualTo("acme-1");
        assertRefused(() -> DlrRules.tenant("a+b"), 400, "invalid_value", "tenant");
        assertRefused(() -> DlrRules.tenant(""), 400, "invalid_value", "tenant");
        assertThat(dlr(DlrState.DEPLOYED, List.of()).instanceName()).isEqualTo("default+edge-1");
    }

    @Test
    void theControlVmClusterExistsAndIsInTheZone() {
        DlrRules.checkApplianceCluster(C1, true, ZONE_A, List.of(C1));
        assertRefused(() -> DlrRules.checkApplianceCluster(C1, false, ZONE_A, List.of()), 404, "not_found",
                "controlVm.clusterId");
        assertRefused(() -> DlrRules.checkApplianceCluster(C1, true, ZONE_A, List.of(ClusterId.of("domain-c2"))), 409,
                "conflict", "controlVm.clusterId");
    }

    @Test
    void onlyADeployedDlrWithoutAJobChanges() {
        DlrRules.checkChangeable(dlr(DlrState.DEPLOYED, List.of()), List.of());
        var deploying = assertRefused(() -> DlrRules.checkChangeable(dlr(DlrState.DEPLOYING, List.of()), List.of()), 409,
                "conflict", null);
        assertThat(deploying.getMessage()).contains("DEPLOYING");
        assertRefused(() -> DlrRules.checkChangeable(dlr(DlrState.FAILED, List.of()), List.of()), 409, "conflict", null);
        var job = assertRefused(() -> DlrRules.checkChangeable(dlr(DlrState.DEPLOYED, List.of()), List.of(JobId.of("job-4"))),
                409, "conflict", null);
        assertThat(job.getMessage()).contains("job-4");
    }

    @Test
    void aDlrIsUndeployedUnlessAJobWorksOnIt() {
        DlrRules.checkUndeployable(dlr(DlrState.DEPLOYED, List.of()), List.of());
        DlrRules.checkUndeployable(dlr(DlrState.FAILED, List.of()), List.of());
        assertRefused(() -> DlrRules.checkUndeployable(dlr(DlrState.DEPLOYING, List.of()), List.of()), 409, "conflict", null);
        assertRefused(() -> DlrRules.checkUndeployable(dlr(DlrState.DEPLOYED, List.of()), List.of(JobId.of("job-2"))), 409,
                "conflict", null);
    }
}
