package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill the controller that owns the most slices while 50 host sessions, 200 VNIs and 20 DLRs are
 * live: every host moves to the new owners and reports again, and the new owners' tables equal
 * the tables before the failure.
 */
@Tag("embedded-zookeeper")
class ControllerFailoverTest {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerFailoverTest.class);

    @Test
    void killingTheBusiestNodeLosesNoTableEntry() throws Exception {
        try (LoadedCluster loaded = LoadedCluster.start(200, 20, 50)) {
            killTheBusiest(loaded);
        }
    }

    private static void killTheBusiest(LoadedCluster loaded) throws Exception {
        ControllerTestCluster cluster = loaded.cluster;
        RuntimeTablesSnapshot before = loaded.before;
        assertThat(before.logicalSwitches()).hasSize(200);
        assertThat(before.dlrs()).hasSize(20);
        assertThat(before.logicalSwitches().stream().mapToInt(t -> t.macs().size()).sum()).isEqualTo(50 * 20);
        assertThat(before.dlrs()).allSatisfy(dlr -> assertThat(dlr.joinedHosts()).isNotEmpty());

        int victim = cluster.busiest();
        ControllerId victimId = ControllerTestCluster.id(victim);
        long killed = System.nanoTime();
        cluster.kill(victim);

        loaded.awaitTablesAsBefore();
        long complete = System.nanoTime();
        LOG.info("kill of {} to all tables complete: {} ms (session timeout {} ms)", victimId,
                (complete - killed) / 1_000_000, ControllerTestCluster.SESSION_TIMEOUT.toMillis());

        var switches = cluster.live().getFirst().coordinator().assignment(Role.SWITCH_MANAGER).assignment();
        assertThat(switches.failed()).containsExactly(victimId);
        assertThat(switches.nodes()).doesNotContainKey(victimId);
        assertThat(cluster.tables()).isEqualTo(before);
        await().atMost(LoadedCluster.WAIT).until(loaded.load::settled);
        assertThat(loaded.load.sessions()).allSatisfy(session ->
                assertThat(session.failedControllers()).as("%s was told", session.host()).contains(victimId));
        OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
    }
}
