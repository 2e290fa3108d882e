package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.embedded.ClusterChecks.C1;
import static org.netweave.controller.embedded.ClusterChecks.C2;
import static org.netweave.controller.embedded.ClusterChecks.C3;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;
import static org.netweave.controller.embedded.ClusterChecks.WAIT;
import static org.netweave.controller.embedded.ClusterChecks.balancedOver;
import static org.netweave.controller.embedded.ClusterChecks.ids;
import static org.netweave.controller.embedded.ClusterChecks.oneMasterPerRole;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.slice.Role;
import org.netweave.controller.status.ControllerStatusService;

/**
 * Two of three controllers die: the survivor has no majority, so it is master of nothing and says
 * so; when one of the two returns, the majority and the masters come back.
 */
@Tag("embedded-zookeeper")
class EmbeddedMajorityLossTest {
    @TempDir
    Path dataDir;

    @Test
    void aLoneSurvivorHasNoMajorityAndNoMastersUntilASecondControllerReturns() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.start(3, dataDir, FAST, SESSION_TIMEOUT)) {
            await().atMost(WAIT).untilAsserted(() -> balancedOver(cluster.nodes(), ids(C1, C2, C3), 85, 85, 86));
            ControllerNode survivor = cluster.node(C2);
            ControllerStatusService status = cluster.status(C2);

            cluster.kill(C1);
            cluster.kill(C3);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(survivor.coordinator().hasMajority()).isFalse();
                for (Role role : Role.values()) {
                    assertThat(survivor.coordinator().isMaster(role)).as("master of %s", role.cliName()).isFalse();
                }
                assertThat(status.showStatus()).contains(
                        "Majority status:    Interrupted connection to cluster majority\n",
                        "Restart status:     This controller cannot be safely restarted: "
                                + "it is not connected to the cluster majority\n");
            });
            assertThat(status.showStartupNodes()).as("the last membership it knew").contains(
                    cluster.peer(C2).self().clientAddress());

            ControllerNode back = cluster.restart(C3);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(survivor.coordinator().hasMajority()).isTrue();
                assertThat(back.coordinator().hasMajority()).isTrue();
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), ids(C2, C3), 128, 128);
                assertThat(status.showStatus()).contains("Majority status:    Connected to cluster majority\n");
            });
        }
    }
}
