package org.netweave.controller.status;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.cluster.ClusterCoordinator;
import org.netweave.controller.cluster.RoleStatus;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.controller.zk.EmbeddedZooKeeperPeer;
import org.netweave.controller.zk.EnsembleView;
import org.netweave.controller.zk.PeerProbe;

/**
 * The status views of one running controller node with an embedded ZooKeeper peer, gathered from
 * the node and its peer and rendered by the pure text functions of this package.
 *
 * <p>The membership is read through the node's own ZooKeeper session, so it shows what this
 * controller knows, not what some other server knows. A node cut off from the majority cannot
 * read it; the views then show the last membership this service read, which is why one service
 * should live as long as its node and be asked at least once while the node is connected (the
 * constructor does that).
 *
 * <p>Thread-safe: every call reads afresh; only the last membership is kept.
 */
public final class ControllerStatusService {
    /** A member on the same LAN answers {@code srvr} in milliseconds; a dead one refuses at once. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final ControllerNode node;
    private final EmbeddedZooKeeperPeer peer;
    private final ZoneId zone;
    private final AtomicReference<EnsembleView> lastMembership =
            new AtomicReference<>(new EnsembleView(0, List.of(), Optional.empty()));

    /**
     * @param node a started node whose ZooKeeper client talks to {@code peer}
     * @param peer the node's own embedded peer
     * @param zone the time zone of the Last-Changed column
     */
    public ControllerStatusService(ControllerNode node, EmbeddedZooKeeperPeer peer, ZoneId zone) {
        this.node = Objects.requireNonNull(node, "node");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.zone = Objects.requireNonNull(zone, "zone");
        membership();
    }

    /**
     * The membership as this node's peer has committed it, read through the node's session; the
     * last one read while the session is not connected (an empty one if it never was).
     */
    public EnsembleView membership() {
        try {
            ZooKeeper zooKeeper = node.zooKeeper().getZookeeperClient().getZooKeeper();
            if (zooKeeper.getState().isConnected()) {
                EnsembleView view = EnsembleView.read(zooKeeper);
                lastMembership.set(view);
                return view;
            }
        } catch (KeeperException e) {
            // The session dropped between the check and the read: the last membership stands.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Curator's getZooKeeper() declares Exception; a closed client lands here. Same answer.
        }
        return lastMembership.get();
    }

    /**
     * The status fields. The node counts as connected to the majority only while its peer serves
     * (which a ZooKeeper server does only inside a quorum) and its own session is connected,
     * since the node acts through that session alone.
     */
    public ClusterStatus clusterStatus() {
        EnsembleView view = membership();
        boolean sessionConnected = node.zooKeeper().getZookeeperClient().isConnected();
        boolean connected = sessionConnected && peer.mode().isServing();
        return ClusterStatus.of(view, peer.self(), connected, PeerProbe.serving(view.members(), PROBE_TIMEOUT, peer.security()));
    }

    /** Every role is configured on every node, and a started node takes part in every role's election. */
    public List<RoleActivity> roleActivity() {
        return RoleActivity.allRoles(node.coordinator() != null);
    }

    /** The rows of {@code show control-cluster roles}; empty before the node has started. */
    public List<RoleStatus> roles() {
        ClusterCoordinator coordinator = node.coordinator();
        return coordinator == null ? List.of() : coordinator.roles();
    }

    /** {@code show control-cluster status}. */
    public String showStatus() {
        return ControlClusterStatusText.status(clusterStatus(), roleActivity());
    }

    /** {@code show control-cluster roles}. */
    public String showRoles() {
        return ControlClusterRolesText.render(roles(), zone);
    }

    /** {@code show control-cluster startup-nodes}. */
    public String showStartupNodes() {
        return ControlClusterStatusText.startupNodes(membership());
    }
}
