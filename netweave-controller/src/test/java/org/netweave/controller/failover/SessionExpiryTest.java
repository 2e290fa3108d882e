package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.slice.Role;

/**
 * A node cut off from ZooKeeper stops acting before any other node takes over its slices: it
 * suspends once its link has been silent for two thirds of the session timeout, while the
 * ensemble expires its session only at the full timeout. Never two owners at once; when the link
 * is back the node starts a new session, rejoins, and the tables are as before.
 *
 * <p>The cut is a real one (a relay that stops passing bytes), not ZooKeeper's injected client-side
 * expiry: with that, Curator closes the old session on the server before it tells its listeners,
 * so the others may take over before the node has heard anything, which no real failure does.
 */
@Tag("embedded-zookeeper")
class SessionExpiryTest {
    @Test
    void aNodeCutOffFromZooKeeperStopsActingBeforeAnyoneTakesOver() throws Exception {
        try (LoadedCluster loaded = LoadedCluster.start(60, 6, 12)) {
            ControllerTestCluster cluster = loaded.cluster;
            ControllerNode cut = cluster.node(1);
            List<Integer> itsSlices = cut.coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(cut.id());
            long sessionBefore = cut.zooKeeper().getZookeeperClient().getZooKeeper().getSessionId();
            long cutAt = System.nanoTime();

            cluster.cutFromZooKeeper(1);

            await().atMost(LoadedCluster.WAIT).until(() -> cluster.ownershipEvents().stream()
                    .anyMatch(e -> e.acquired() && !e.node().equals(cut.id()) && e.nanos() > cutAt
                            && itsSlices.contains(e.slice()) && e.role() == Role.SWITCH_MANAGER));
            List<OwnershipEvent> released = cut.owner().ownershipEvents().stream()
                    .filter(e -> !e.acquired() && e.nanos() >= cutAt).toList();
            assertThat(released).as("%s let go of its slices when it lost ZooKeeper", cut.id()).isNotEmpty();
            OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());

            cluster.reconnectToZooKeeper(1);

            await().atMost(LoadedCluster.WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> cluster.settled() && cluster.tables().equals(loaded.before));
            await().atMost(LoadedCluster.WAIT).until(loaded.load::settled);
            assertThat(cut.zooKeeper().getZookeeperClient().getZooKeeper().getSessionId())
                    .as("the ensemble expired the old session; the node came back with a new one")
                    .isNotEqualTo(sessionBefore);
            OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
        }
    }
}
