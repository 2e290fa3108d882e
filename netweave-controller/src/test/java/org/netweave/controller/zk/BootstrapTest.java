package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.zk.ZkTestSupport.SUPER_USER;
import static org.netweave.controller.zk.ZkTestSupport.TIMEOUT;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's bootstrap against real peers: the first controller starts alone and leads, the
 * second and third join when they are proposed, and each step shows in every node's view and
 * status.
 */
@Tag("embedded-zookeeper")
class BootstrapTest {
    @TempDir
    Path root;

    @Test
    void firstControllerLeadsAloneAndTheSecondAndThirdJoinWhenProposed() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            EmbeddedZooKeeperPeer first = cluster.startFirst(1);
            await().atMost(TIMEOUT).until(() -> first.mode() == PeerProbe.Mode.LEADER);
            TestClient client1 = cluster.client(1);
            client1.write("/alone", "written by the lone leader");
            assertThat(client1.read("/alone")).isEqualTo("written by the lone leader");
            assertThat(client1.view().members()).containsExactly(cluster.spec(1));

            // The second controller, step by step: it starts with the current member plus itself ...
            PeerSpec second = cluster.spec(2);
            EmbeddedZooKeeperPeer secondPeer = cluster.start(2, List.of(cluster.spec(1), second));
            await().atMost(TIMEOUT).until(() -> secondPeer.mode() == PeerProbe.Mode.FOLLOWER);
            TestClient client2 = cluster.client(2);
            assertThat(ClusterStatus.of(client2.view(), second, true, cluster.serving()).joinStatus())
                    .isEqualTo(ClusterStatus.JOIN_IN_PROGRESS);
            // ... and becomes a voter only when it is proposed.
            try (EnsembleAdmin admin = EnsembleAdmin.connect(cluster.spec(1).clientAddress(), SUPER_USER, ZkSecurity.plaintext(), TIMEOUT)) {
                assertThat(admin.proposeNode(second).serverIds()).containsExactly(1, 2);
            }
            cluster.awaitMembers(1, 1, 2);
            EnsembleView twoNodes = cluster.awaitMembers(2, 1, 2);
            ClusterStatus two = ClusterStatus.of(twoNodes, second, true, cluster.serving());
            assertThat(two.joinStatus()).isEqualTo(ClusterStatus.JOIN_COMPLETE);
            assertThat(two.restartStatus()).isEqualTo(ClusterStatus.RESTART_UNSAFE
                    + ": with two nodes the majority is two, so no failure is tolerated");

            // The third joins the way a controller does it in production.
            cluster.join(3);
            EnsembleView view1 = cluster.awaitMembers(1, 1, 2, 3);
            EnsembleView view2 = cluster.awaitMembers(2, 1, 2, 3);
            EnsembleView view3 = cluster.awaitMembers(3, 1, 2, 3);
            assertThat(view3.members()).containsExactly(cluster.spec(1), cluster.spec(2), cluster.spec(3));
            assertThat(view3.clusterId()).isPresent().isEqualTo(view1.clusterId()).isEqualTo(view2.clusterId());
            await().atMost(TIMEOUT).until(() -> cluster.serving().equals(Set.of(1, 2, 3)));
            for (int n = 1; n <= 3; n++) {
                ClusterStatus status = ClusterStatus.of(view3, cluster.spec(n), true, cluster.serving());
                assertThat(status.restartStatus()).isEqualTo(ClusterStatus.RESTART_SAFE);
            }

            client1.write("/through-1", "replicated");
            TestClient client3 = cluster.client(3);
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> client3.read("/through-1").equals("replicated"));
            assertThat(client3.read("/alone")).isEqualTo("written by the lone leader");
        }
    }

    @Test
    void aJoinerStartedWithoutAProposalStaysANonVotingFollower() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            cluster.startFirst(1);
            EmbeddedZooKeeperPeer joiner = cluster.start(2, List.of(cluster.spec(1), cluster.spec(2)));

            await().atMost(TIMEOUT).until(() -> joiner.mode() == PeerProbe.Mode.FOLLOWER);
            assertThat(cluster.awaitMembers(2, 1).members()).containsExactly(cluster.spec(1));
        }
    }
}
