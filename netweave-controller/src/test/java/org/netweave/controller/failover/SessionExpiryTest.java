package org.netweave.controller.failover;

import org.netweave.controller.scale.SyntheticLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;

/**
 * A node cut off from ZooKeeper (its session expires) stops acting as owner before any other
 * node takes over its slices: never two owners at once.
 */
class SessionExpiryTest {
    @Test
    void aNodeWhoseSessionExpiredStopsActingBeforeAnyoneTakesOver() throws Exception {
        try (LoadedCluster loaded = LoadedCluster.start(60, 6, 12)) {
            ControllerTestCluster cluster = loaded.cluster;
            SyntheticLoad workload = loaded.load;
            RuntimeTablesSnapshot before = loaded.before;
            ControllerNode cut = cluster.node(1);
            List<Integer> itsSlices = cut.coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(cut.id());
            long expired = System.nanoTime();

            cut.zooKeeper().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

            await().atMost(LoadedCluster.WAIT).until(() -> cluster.ownershipEvents().stream()
                    .anyMatch(e -> e.acquired() && !e.node().equals(cut.id()) && e.nanos() > expired
                            && itsSlices.contains(e.slice()) && e.role() == Role.SWITCH_MANAGER)
                    || cut.owner().ownershipEvents().stream().anyMatch(e -> e.acquired() && e.nanos() > expired));
            List<OwnershipEvent> released = cut.owner().ownershipEvents().stream()
                    .filter(e -> !e.acquired() && e.nanos() >= expired).toList();
            assertThat(released).as("%s let go of its slices when its session expired", cut.id()).isNotEmpty();

            await().atMost(LoadedCluster.WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> cluster.settled() && cluster.tables().equals(before));
            await().atMost(LoadedCluster.WAIT).until(workload::settled);
            OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
        }
    }
}
