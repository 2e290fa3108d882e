package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.zk.ZkTestSupport.SUPER_USER;
import static org.netweave.controller.zk.ZkTestSupport.TIMEOUT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.ControllerId;

/** What the admin refuses, repeats harmlessly and undoes, against real peers. */
@Tag("embedded-zookeeper")
class EnsembleAdminTest {
    @TempDir
    Path root;

    @Test
    void proposalsAreIdempotentAndConflictingOnesAreRefused() throws Exception {
        try (TestCluster cluster = new TestCluster(root);
                EnsembleAdmin admin = EnsembleAdmin.connect(cluster.spec(1).clientAddress(), SUPER_USER, ZkSecurity.plaintext(), TIMEOUT)) {
            cluster.startFirst(1);
            cluster.join(2);
            long version = admin.view().configVersion();

            assertThat(admin.proposeNode(cluster.spec(2)).configVersion()).isEqualTo(version);
            PeerSpec moved = new PeerSpec(cluster.spec(2).id(), 2, "127.0.0.2", 1, 2, 3);
            assertThatThrownBy(() -> admin.proposeNode(moved)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("server.2 is already a member");
            PeerSpec renamed = new PeerSpec(ControllerId.of("controller-1"), 9, "127.0.0.1", 1, 2, 3);
            assertThatThrownBy(() -> admin.proposeNode(renamed)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("controller-1 is already server.1");
        }
    }

    @Test
    void aRemovedControllerLeavesTheMembershipAndItsName() throws Exception {
        try (TestCluster cluster = new TestCluster(root);
                EnsembleAdmin admin = EnsembleAdmin.connect(cluster.spec(1).clientAddress(), SUPER_USER, ZkSecurity.plaintext(), TIMEOUT)) {
            cluster.startFirst(1);
            cluster.join(2);
            cluster.join(3);

            EnsembleView after = admin.removeNode(cluster.spec(3).id());
            cluster.stop(3);

            assertThat(after.members()).containsExactly(cluster.spec(1), cluster.spec(2));
            assertThat(cluster.awaitMembers(2, 1, 2).member(cluster.spec(3).id())).isEmpty();
            assertThat(admin.removeNode(3).serverIds()).containsExactly(1, 2);
            assertThat(cluster.client(1).zooKeeper().exists(EnsembleView.CONTROLLERS_PATH + "/3", false)).isNull();
        }
    }

    @Test
    void aProposedNodeWhosePeerIsNotRunningTimesOut() throws Exception {
        try (TestCluster cluster = new TestCluster(root);
                EnsembleAdmin admin = EnsembleAdmin.connect(cluster.spec(1).clientAddress(), SUPER_USER, ZkSecurity.plaintext(),
                        Duration.ofSeconds(2))) {
            cluster.startFirst(1);

            assertThatThrownBy(() -> admin.proposeNode(cluster.spec(2))).isInstanceOf(TimeoutException.class)
                    .hasCauseInstanceOf(KeeperException.NewConfigNoQuorum.class);
            assertThat(admin.view().serverIds()).containsExactly(1);
        }
    }
}
