package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;

class ClusterStatusTest {
    private static final String CLUSTER_ID = "0f8c7a36-3c61-4d1e-9a5e-2b7f0c1d9e44";
    private static final PeerSpec C1 = peer(1, "192.168.110.201");
    private static final PeerSpec C2 = peer(2, "192.168.110.202");
    private static final PeerSpec C3 = peer(3, "192.168.110.203");

    private static PeerSpec peer(int n, String host) {
        return new PeerSpec(ControllerId.of("controller-" + n), n, host, 2878, 2888, 3888);
    }

    private static EnsembleView view(PeerSpec... members) {
        return new EnsembleView(0x1_0000_0005L, List.of(members), Optional.of(CLUSTER_ID));
    }

    @Test
    void threeHealthyNodesCanEachBeRestarted() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2, C3), C2, true, Set.of(1, 2, 3));

        assertThat(ClusterStatusText.render(status)).isEqualTo("""
                Type                Status
                --------------------------------------------------------------------------------
                Join status:        Join complete
                Majority status:    Connected to cluster majority
                Restart status:     This controller can be safely restarted
                Cluster ID:         0f8c7a36-3c61-4d1e-9a5e-2b7f0c1d9e44
                Node ID:            controller-2
                """);
        assertThat(status.startupNodes()).isEqualTo("192.168.110.201, 192.168.110.202, 192.168.110.203");
    }

    @Test
    void withOneOfThreeDownTheOthersMustNotRestart() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2, C3), C1, true, Set.of(1, 2));

        assertThat(status.restartStatus()).isEqualTo("This controller cannot be safely restarted: "
                + "only 1 of the other 2 nodes are up and a majority needs 2 of 3");
    }

    @Test
    void twoNodesTolerateNoFailure() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2), C1, true, Set.of(1, 2));

        assertThat(ClusterStatusText.render(status)).isEqualTo("""
                Type                Status
                --------------------------------------------------------------------------------
                Join status:        Join complete
                Majority status:    Connected to cluster majority
                Restart status:     This controller cannot be safely restarted: with two nodes the majority is two, so no failure is tolerated
                Cluster ID:         0f8c7a36-3c61-4d1e-9a5e-2b7f0c1d9e44
                Node ID:            controller-1
                """);
    }

    @Test
    void aLoneFirstControllerStopsTheClusterWhenItRestarts() {
        ClusterStatus status = ClusterStatus.of(view(C1), C1, true, Set.of(1));

        assertThat(status.restartStatus()).isEqualTo("This controller cannot be safely restarted: "
                + "it is the only node, so the cluster stops while it restarts");
        assertThat(status.startupNodes()).isEqualTo("192.168.110.201");
    }

    @Test
    void aJoinerThatWasNotProposedYetIsInProgress() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2), C3, true, Set.of(1, 2, 3));

        assertThat(status.joinStatus()).isEqualTo("Join in progress");
        assertThat(status.restartStatus()).isEqualTo("This controller cannot be safely restarted: its join is not complete");
    }

    @Test
    void aNodeWithoutMajorityReportsTheInterruptionWithItsLastKnownView() {
        EnsembleView lastKnown = new EnsembleView(0x1_0000_0005L, List.of(C1, C2, C3), Optional.empty());

        ClusterStatus status = ClusterStatus.of(lastKnown, C3, false, Set.of(3));

        assertThat(ClusterStatusText.render(status)).isEqualTo("""
                Type                Status
                --------------------------------------------------------------------------------
                Join status:        Join complete
                Majority status:    Interrupted connection to cluster majority
                Restart status:     This controller cannot be safely restarted: it is not connected to the cluster majority
                Cluster ID:         (not assigned)
                Node ID:            controller-3
                """);
    }

    @Test
    void startupNodesShowPortsWhenControllersShareAHost() {
        PeerSpec a = new PeerSpec(ControllerId.of("controller-1"), 1, "127.0.0.1", 40001, 40002, 40003);
        PeerSpec b = new PeerSpec(ControllerId.of("controller-2"), 2, "127.0.0.1", 40011, 40012, 40013);

        assertThat(ClusterStatusText.startupNodes(view(b, a))).isEqualTo("127.0.0.1:40001, 127.0.0.1:40011");
    }
}
