package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.netweave.controller.zk.PeerSpec;
import org.netweave.model.ControllerId;

/**
 * The manager's "deploy controller" and "remove controller" on an embedded cluster: an empty
 * cluster grows from its first deployed node, a removed node leaves the ensemble and hands its
 * slices over, and the next node gets a fresh id.
 */
@Tag("embedded-zookeeper")
class ControllerRemovalTest {
    @TempDir
    Path dataDir;

    @Test
    void aRemovedControllerLeavesTheEnsembleAndTheOthersTakeItsSlices() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.empty(dataDir, FAST, SESSION_TIMEOUT)) {
            assertThat(cluster.ids()).isEmpty();
            cluster.addNode();
            cluster.addNode();
            cluster.addNode();
            await().atMost(WAIT).untilAsserted(() -> balancedOver(cluster.nodes(), ids(C1, C2, C3), 85, 85, 86));

            cluster.remove(C2, false);

            assertThat(cluster.ids()).containsExactly(C1, C3);
            assertThat(cluster.hostAddresses()).hasSize(2);
            assertThat(cluster.status(C1).membership().members()).extracting(PeerSpec::id).containsExactly(C1, C3);
            await().atMost(WAIT).untilAsserted(() -> {
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), ids(C1, C3), 128, 128);
            });

            ControllerId next = cluster.addNode().id();
            assertThat(next).isEqualTo(ControllerId.of("controller-4"));
        }
    }

    @Test
    void theLastControllerGoesOnlyWhenForced() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.empty(dataDir, FAST, SESSION_TIMEOUT)) {
            cluster.addNode();
            assertThatThrownBy(() -> cluster.remove(C1, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last controller");
            assertThat(cluster.isUp(C1)).isTrue();
            cluster.remove(C1, true);
            assertThat(cluster.ids()).isEmpty();
        }
    }
}
