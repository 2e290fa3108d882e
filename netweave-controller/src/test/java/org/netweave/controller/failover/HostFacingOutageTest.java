package org.netweave.controller.failover;

import org.netweave.controller.scale.SyntheticLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that still sees its peers but can no longer serve hosts gives up its slices within the
 * session timeout, so no host is left without an owner. NSX-V documents that such slices stay
 * stranded; Netweave moves them.
 */
@Tag("embedded-zookeeper")
class HostFacingOutageTest {
    private static final Logger LOG = LoggerFactory.getLogger(HostFacingOutageTest.class);

    @Test
    void aNodeHostsCannotReachGivesUpItsSlicesAndTakesThemBackWhenReachable() throws Exception {
        try (LoadedCluster loaded = LoadedCluster.start(60, 6, 12)) {
            ControllerTestCluster cluster = loaded.cluster;
            SyntheticLoad workload = loaded.load;
            RuntimeTablesSnapshot before = loaded.before;
            ControllerNode cut = cluster.node(0);

            long stopped = System.nanoTime();
            cut.stopHostService();

            await().atMost(ControllerTestCluster.SESSION_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() ->
                    cluster.node(1).coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(cut.id()).isEmpty()
                            && cluster.node(1).coordinator().assignment(Role.LOGICAL_MANAGER).assignment().slicesOf(cut.id()).isEmpty());
            LOG.info("{} gave up its slices {} ms after its host-facing service stopped", cut.id(),
                    (System.nanoTime() - stopped) / 1_000_000);
            assertThat(cut.coordinator().hasMajority()).as("the cut node still sees its peers").isTrue();
            await().atMost(LoadedCluster.WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> cluster.tables().equals(before) && workload.settled());
            assertThat(cut.owner().snapshot().logicalSwitches()).isEmpty();

            cut.restartHostService();

            await().atMost(LoadedCluster.WAIT).until(() -> !cut.coordinator().isWithdrawn()
                    && !cluster.node(1).coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(cut.id()).isEmpty());
            await().atMost(LoadedCluster.WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> cluster.settled() && cluster.tables().equals(before) && workload.settled());
            OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
        }
    }
}
