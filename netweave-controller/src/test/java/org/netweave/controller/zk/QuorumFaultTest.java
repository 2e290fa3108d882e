package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.zk.ZkTestSupport.TIMEOUT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's "ZooKeeper tolerates one failure at a time" against real peers: three controllers
 * lose their leader and keep working, lose a second node and stop, and recover when one returns.
 */
@Tag("embedded-zookeeper")
class QuorumFaultTest {
    @TempDir
    Path root;

    @Test
    void threeControllersSurviveOneFailureLoseMajorityWithTwoAndRecoverWhenOneReturns() throws Exception {
        try (TestCluster cluster = new TestCluster(root)) {
            cluster.startFirst(1);
            cluster.join(2);
            cluster.join(3);
            EnsembleView full = cluster.awaitMembers(1, 1, 2, 3);
            cluster.client(1).write("/before", "written by three");

            int leader = awaitLeader(cluster, Set.of(1, 2, 3));
            cluster.stop(leader);
            int survivorA = leader % 3 + 1;
            int survivorB = survivorA % 3 + 1;
            awaitLeader(cluster, Set.of(survivorA, survivorB));
            TestClient clientA = cluster.client(survivorA);
            clientA.write("/after-one-failure", "written by two");
            TestClient clientB = cluster.client(survivorB);
            await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> clientB.read("/after-one-failure").equals("written by two"));
            assertThat(ClusterStatus.of(full, cluster.spec(survivorA), true, cluster.serving()).restartStatus())
                    .isEqualTo(ClusterStatus.RESTART_UNSAFE + ": only 1 of the other 2 nodes are up and a majority needs 2 of 3");

            cluster.stop(survivorB);
            EmbeddedZooKeeperPeer lone = cluster.peer(survivorA);
            await().atMost(TIMEOUT).until(() -> lone.mode() == PeerProbe.Mode.NOT_SERVING);
            assertThatThrownBy(() -> clientA.zooKeeper().setData("/before", bytes("lost"), -1))
                    .isInstanceOf(KeeperException.ConnectionLossException.class);
            ClusterStatus alone = ClusterStatus.of(full, cluster.spec(survivorA), lone.mode().isServing(), cluster.serving());
            assertThat(alone.majorityStatus()).isEqualTo(ClusterStatus.MAJORITY_INTERRUPTED);

            cluster.start(survivorB, full.members());
            await().atMost(TIMEOUT).until(() -> cluster.serving().equals(Set.of(survivorA, survivorB)));
            TestClient back = cluster.client(survivorB);
            assertThat(back.read("/before")).isEqualTo("written by three");
            assertThat(back.read("/after-one-failure")).isEqualTo("written by two");
            assertThat(back.view().serverIds()).containsExactly(1, 2, 3);
            assertThat(ClusterStatus.of(back.view(), cluster.spec(survivorB), true, cluster.serving()).majorityStatus())
                    .isEqualTo(ClusterStatus.MAJORITY_CONNECTED);
        }
    }

    /** Waits until exactly one of {@code candidates} leads and returns it. */
    private static int awaitLeader(TestCluster cluster, Set<Integer> candidates) {
        int[] leader = new int[1];
        await().atMost(TIMEOUT).until(() -> {
            List<Integer> leaders = candidates.stream()
                    .filter(n -> PeerProbe.mode(cluster.spec(n)) == PeerProbe.Mode.LEADER).toList();
            leaders.stream().findFirst().ifPresent(n -> leader[0] = n);
            return leaders.size() == 1 && candidates.stream().allMatch(n -> PeerProbe.mode(cluster.spec(n)).isServing());
        });
        return leader[0];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
