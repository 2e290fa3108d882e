package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.zk.ZkTestSupport.TIMEOUT;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer restarted from its directory keeps its data and the membership it last committed. */
@Tag("embedded-zookeeper")
class PeerRestartTest {
    @TempDir
    Path root;

    @Test
    void aLoneControllerRestartsAsLeaderWithItsDataAndClusterId() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            cluster.startFirst(1);
            TestClient before = cluster.client(1);
            before.write("/kept", "across restart");
            EnsembleView viewBefore = before.view();
            cluster.stop(1);

            EmbeddedZooKeeperPeer again = cluster.start(1, List.of(cluster.spec(1)));

            await().atMost(TIMEOUT).until(() -> again.mode() == PeerProbe.Mode.LEADER);
            TestClient after = cluster.client(1);
            assertThat(after.read("/kept")).isEqualTo("across restart");
            assertThat(after.view()).isEqualTo(viewBefore);
        }
    }

    @Test
    void aMemberRestartedWithoutThePeerListRejoinsFromItsCommittedMembership() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            cluster.startFirst(1);
            cluster.join(2);
            cluster.join(3);
            cluster.awaitMembers(3, 1, 2, 3);
            cluster.stop(3);
            cluster.client(1).write("/while-3-was-down", "caught up");

            // Handed only itself, the peer would lead a cluster of its own if it used that list.
            EmbeddedZooKeeperPeer third = cluster.start(3, List.of(cluster.spec(3)));

            await().atMost(TIMEOUT).until(() -> third.mode() == PeerProbe.Mode.FOLLOWER);
            EnsembleView view = cluster.awaitMembers(3, 1, 2, 3);
            assertThat(view.member(3)).contains(cluster.spec(3));
            TestClient client3 = cluster.client(3);
            await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> client3.read("/while-3-was-down").equals("caught up"));
        }
    }

    @Test
    void aClosedPeerCannotBeStartedAgain() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            EmbeddedZooKeeperPeer peer = cluster.startFirst(1);
            cluster.stop(1);

            assertThat(peer.state()).isEqualTo(EmbeddedZooKeeperPeer.State.CLOSED);
            org.assertj.core.api.Assertions.assertThatThrownBy(peer::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
