package org.netweave.manager.network.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;

class TransportZoneRulesTest {
    private static final TransportZoneId ZONE = TransportZoneId.of("vdnscope-1");
    private static final ClusterId C1 = ClusterId.of("domain-c1");
    private static final ClusterId C2 = ClusterId.of("domain-c2");
    private static final LogicalSwitchId WEB = LogicalSwitchId.of("virtualwire-1");
    private static final ZoneUsage EMPTY = new ZoneUsage(List.of(), List.of(), List.of());

    private static List<ClusterId> ids(String... ids) {
        return TransportZoneRules.clusterIds(Arrays.asList(ids));
    }

    private static ZoneUsage dlr(String state, ClusterId pinned, Set<ClusterId> running) {
        return new ZoneUsage(List.of(WEB), List.of(), List.of(new ZoneUsage.ZoneDlr(DlrId.of("edge-1"), state, pinned, running)));
    }

    @Test
    void clusterIdsAreAtLeastOneEachOnce() {
        assertThat(ids("domain-c1", "domain-c2")).containsExactly(C1, C2);
        assertRefused(() -> TransportZoneRules.clusterIds(null), 400, "missing_field", "clusterIds");
        assertRefused(() -> TransportZoneRules.clusterIds(List.of()), 400, "invalid_value", "clusterIds");
        assertRefused(() -> ids("domain-c1", "domain-c1"), 400, "invalid_value", "clusterIds[1]");
        assertRefused(() -> ids("domain-c1", "bad id"), 400, "invalid_value", "clusterIds[1]");
        assertRefused(() -> ids("domain-c1", null), 400, "missing_field", "clusterIds[1]");
    }

    @Test
    void anUnknownClusterIs404NamingItsPlace() {
        TransportZoneRules.checkKnown(List.of(C1), Set.of(C1));
        assertRefused(() -> TransportZoneRules.checkKnown(List.of(C1, C2), Set.of(C1)), 404, "not_found", "clusterIds[1]");
    }

    @Test
    void expandAddsOnlyNewClustersAndWaitsForDeployments() {
        TransportZoneRules.checkExpand(ZONE, List.of(C2), Set.of(C1), EMPTY);
        assertRefused(() -> TransportZoneRules.checkExpand(ZONE, List.of(C2, C1), Set.of(C1), EMPTY), 409, "conflict",
                "clusterIds[1]");
        assertRefused(() -> TransportZoneRules.checkExpand(ZONE, List.of(C2), Set.of(C1), dlr("DEPLOYING", null, Set.of())),
                409, "conflict", null);
    }

    @Test
    void shrinkRemovesOnlyMembersAndKeepsAClusterWhileSwitchesExist() {
        TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1, C2), dlr("DEPLOYED", null, Set.of(C1)));
        TransportZoneRules.checkShrink(ZONE, List.of(C1), Set.of(C1), EMPTY);
        assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1), EMPTY), 409, "conflict",
                "clusterIds[0]");
        assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C1),
                Set.of(C1), new ZoneUsage(List.of(WEB), List.of(), List.of())), 409, "in_use", "clusterIds");
    }

    @Test
    void shrinkIsRefusedWhileAVmThereIsAttached() {
        var usage = new ZoneUsage(List.of(WEB), List.of(new ZoneUsage.AttachedVnic(VmId.of("vm-3"), 0, C2, WEB)), List.of());
        var e = assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1, C2), usage),
                409, "in_use", "clusterIds[0]");
        assertThat(e.getMessage()).contains("vm-3 vNIC 0").contains("virtualwire-1");
        TransportZoneRules.checkShrink(ZONE, List.of(C1), Set.of(C1, C2), usage);
    }

    @Test
    void shrinkIsRefusedWhereAControlVmIsPinnedOrRunsOrWhileADlrDeploys() {
        assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1, C2), dlr("DEPLOYED", C2, Set.of())),
                409, "in_use", "clusterIds[0]");
        var running = assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1, C2),
                dlr("DEPLOYED", null, Set.of(C2))), 409, "in_use", "clusterIds[0]");
        assertThat(running.getMessage()).contains("edge-1");
        assertRefused(() -> TransportZoneRules.checkShrink(ZONE, List.of(C2), Set.of(C1, C2), dlr("DEPLOYING", null, Set.of())),
                409, "conflict", null);
    }

    @Test
    void aZoneWithSwitchesOrDlrsStays() {
        TransportZoneRules.checkDeletable(ZONE, EMPTY);
        var e = assertRefused(() -> TransportZoneRules.checkDeletable(ZONE, new ZoneUsage(List.of(WEB), List.of(), List.of())),
                409, "in_use", null);
        assertThat(e.getMessage()).contains("virtualwire-1");
        assertRefused(() -> TransportZoneRules.checkDeletable(ZONE, new ZoneUsage(List.of(), List.of(),
                List.of(new ZoneUsage.ZoneDlr(DlrId.of("edge-1"), "DEPLOYED", null, Set.of())))), 409, "in_use", null);
    }
}
