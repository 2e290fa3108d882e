package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;
import static org.netweave.controller.embedded.ClusterChecks.WAIT;
import static org.netweave.controller.embedded.ClusterChecks.balancedOver;
import static org.netweave.controller.embedded.ClusterChecks.ids;
import static org.netweave.controller.embedded.ClusterChecks.oneMasterPerRole;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 002's "one failure at a time": the switch_manager master of three controllers dies without
 * a goodbye; the two survivors elect new masters and take over its slices once its session has
 * timed out, and hand slices back when it returns.
 */
@Tag("embedded-zookeeper")
class OneControllerFailureTest {
    private static final Logger LOG = LoggerFactory.getLogger(OneControllerFailureTest.class);

    @TempDir
    Path dataDir;

    @Test
    void theSurvivorsTakeOverAKilledMastersSlicesAndGiveThemBackWhenItRejoins() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.start(3, dataDir, FAST, SESSION_TIMEOUT)) {
            await().atMost(WAIT).untilAsserted(() -> {
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), ids(cluster.nodes()), 85, 85, 86);
            });
            ControllerId killed = cluster.nodes().stream()
                    .filter(node -> node.coordinator().isMaster(Role.SWITCH_MANAGER)).findFirst().orElseThrow().id();
            Set<ControllerId> survivors = ids(cluster.nodes());
            survivors.remove(killed);

            long killedAt = System.nanoTime();
            cluster.kill(killed);

            await().atMost(WAIT).untilAsserted(() -> {
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), survivors, 128, 128);
                for (ControllerNode node : cluster.nodes()) {
                    SliceAssignment seen = node.coordinator().assignment(Role.SWITCH_MANAGER).assignment();
                    assertThat(seen.failed()).as("failed nodes as %s sees them", node.id()).containsExactly(killed);
                }
            });
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            LOG.info("The survivors took over {}'s slices {} ms after it was killed (session timeout {} ms)", killed,
                    takeover.toMillis(), SESSION_TIMEOUT.toMillis());
            assertThat(takeover).isGreaterThanOrEqualTo(SESSION_TIMEOUT.minusMillis(500));
            for (ControllerId survivor : survivors) {
                assertThat(cluster.status(survivor).clusterStatus().restartStatus()).isEqualTo(ClusterStatus.RESTART_UNSAFE
                        + ": only 1 of the other 2 nodes are up and a majority needs 2 of 3");
            }

            ControllerNode back = cluster.restart(killed);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(cluster.nodes()).hasSize(3).contains(back);
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), ids(cluster.nodes()), 85, 85, 86);
            });
            assertThat(back.coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(killed))
                    .hasSizeBetween(85, 86);
        }
    }
}
