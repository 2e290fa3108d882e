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
import static org.netweave.controller.embedded.ClusterChecks.actingAsAssigned;
import static org.netweave.controller.embedded.ClusterChecks.balancedOver;
import static org.netweave.controller.embedded.ClusterChecks.ids;
import static org.netweave.controller.embedded.ClusterChecks.oneMasterPerRole;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.slice.Role;
import org.netweave.controller.status.ControllerStatusService;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.model.ControllerId;

/**
 * Seed 002's bootstrap through the product's embedded mode: the first controller alone is master
 * of everything and unsafe to restart, the second is the even special case, the third brings the
 * stable state with one master per role and the slices spread evenly.
 */
@Tag("embedded-zookeeper")
class EmbeddedControllerClusterTest {
    @TempDir
    Path dataDir;

    @Test
    void growsOneNodeAtATimeFromALoneMasterToThreeBalancedNodes() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.start(1, dataDir, FAST, SESSION_TIMEOUT)) {
            ControllerNode first = cluster.node(C1);
            await().atMost(WAIT).untilAsserted(() -> {
                for (Role role : Role.values()) {
                    assertThat(first.coordinator().isMaster(role)).as("master of %s", role.cliName()).isTrue();
                }
            });
            ControllerStatusService alone = cluster.status(C1);
            assertThat(alone.clusterStatus().restartStatus()).isEqualTo(ClusterStatus.RESTART_UNSAFE
                    + ": it is the only node, so the cluster stops while it restarts");
            assertThat(alone.showStatus()).contains("Join status:        Join complete\n",
                    "Majority status:    Connected to cluster majority\n",
                    "Node ID:            controller-1\n",
                    "switch_manager      enabled             activated\n");
            assertThat(alone.showRoles()).contains("api_provider         Not configured      Yes");

            cluster.addNode();
            for (ControllerId id : List.of(C1, C2)) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.status(id).clusterStatus().restartStatus())
                        .isEqualTo(ClusterStatus.RESTART_UNSAFE
                                + ": with two nodes the majority is two, so no failure is tolerated"));
            }

            cluster.addNode();
            String startupNodes = List.of(C1, C2, C3).stream().map(id -> cluster.peer(id).self().clientAddress())
                    .collect(Collectors.joining(", ", "", "\n"));
            for (ControllerId id : List.of(C1, C2, C3)) {
                ControllerStatusService status = cluster.status(id);
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(status.showStartupNodes()).isEqualTo(startupNodes);
                    assertThat(status.clusterStatus().restartStatus()).isEqualTo(ClusterStatus.RESTART_SAFE);
                });
            }
            await().atMost(WAIT).untilAsserted(() -> {
                oneMasterPerRole(cluster.nodes());
                balancedOver(cluster.nodes(), ids(C1, C2, C3), 85, 85, 86);
            });
            assertThat(cluster.hostAddresses()).containsExactlyElementsOf(
                    cluster.nodes().stream().map(ControllerNode::hostAddress).toList());
        }
    }

    /**
     * A regression test: the first controller once never acted for its slices. ControllerNode
     * starts its Curator client before ClusterCoordinator adds its connection-state listener;
     * when the client connects in between (always for the first controller, whose peer already
     * serves), Curator does not replay CONNECTED, so ClusterCoordinator.start() now delivers it
     * itself.
     */
    @Test
    void everyNodeActsForTheSlicesItsAssignmentGivesIt() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.start(3, dataDir, FAST, SESSION_TIMEOUT)) {
            await().atMost(WAIT).untilAsserted(() -> {
                balancedOver(cluster.nodes(), ids(C1, C2, C3), 85, 85, 86);
                actingAsAssigned(cluster.nodes());
            });
        }
    }

    @Test
    void refusesStepsThatDoNotFitAControllersStateAndRestartsALoneController() throws Exception {
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.start(1, dataDir, FAST, SESSION_TIMEOUT)) {
            await().atMost(WAIT).until(() -> cluster.node(C1).coordinator().assignment(Role.SWITCH_MANAGER)
                    .assignment().isAssigned());
            long epochBefore = cluster.node(C1).coordinator().assignment(Role.SWITCH_MANAGER).assignment().epoch();
            String address = cluster.node(C1).hostAddress();
            assertThatThrownBy(() -> cluster.restart(C1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is running");
            assertThatThrownBy(() -> cluster.node(C2)).isInstanceOf(NoSuchElementException.class);

            cluster.kill(C1);

            assertThat(cluster.nodes()).isEmpty();
            assertThat(cluster.isUp(C1)).isFalse();
            assertThat(cluster.hostAddresses()).as("hosts keep the whole controller list").containsExactly(address);
            assertThatThrownBy(() -> cluster.node(C1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> cluster.kill(C1)).isInstanceOf(IllegalStateException.class);

            // Alone it is its own majority again as soon as its peer is back: the restart path
            // without a proposal, since nobody else could answer one.
            ControllerNode back = cluster.restart(C1);

            assertThat(back.hostAddress()).isEqualTo(address);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(back.coordinator().isMaster(Role.SWITCH_MANAGER)).isTrue();
                assertThat(back.coordinator().assignment(Role.SWITCH_MANAGER).assignment().epoch())
                        .as("the assignment survived in the peer's data").isGreaterThan(epochBefore);
                balancedOver(List.of(back), ids(C1), 256);
            });
        }
    }
}
