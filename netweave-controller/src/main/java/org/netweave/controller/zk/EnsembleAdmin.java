package org.netweave.controller.zk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grows and shrinks the controller cluster by ZooKeeper dynamic reconfiguration, the part NSX
 * Manager plays when it "proposes the node's id and address to the current cluster".
 *
 * <p>To add a controller: start its peer with the current members plus itself (see {@link
 * EmbeddedZooKeeperPeer}), then call {@link #proposeNode}. The new peer first syncs with the
 * leader as a non-voting follower; ZooKeeper refuses the reconfig ({@code NewConfigNoQuorum})
 * until a majority of the new membership, the new peer included, is synced, so {@code proposeNode}
 * retries that until its timeout. Controllers are added one at a time, as in NSX: the first must
 * be complete before the second is proposed.
 *
 * <p>The session authenticates as the {@link ZkSuperUser}, because only the super user may write
 * {@code /zookeeper/config}. The same session records each controller's id and the cluster id
 * under {@link EnsembleView#CLUSTER_PATH}, since ZooKeeper's config holds only server numbers.
 * Every method returns the membership afterwards: the config a reconfig committed, else what
 * the connected server knows.
 */
public final class EnsembleAdmin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleAdmin.class);
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final long RETRY_PAUSE_MS = 100;

    private final ZooKeeperAdmin admin;
    private final Duration timeout;

    private EnsembleAdmin(ZooKeeperAdmin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Opens an admin session. The connection is made in the background; calls wait for it within
     * their timeout.
     *
     * @param connectString client addresses of current members that stay in the cluster
     * @param timeout how long each call may retry while the ensemble is busy or unreachable
     */
    public static EnsembleAdmin connect(String connectString, ZkSuperUser superUser, ZkSecurity security,
            Duration timeout) throws IOException {
        ZooKeeperAdmin admin = new ZooKeeperAdmin(connectString, SESSION_TIMEOUT_MS, event -> { },
                security.clientConfig());
        admin.addAuthInfo("digest", superUser.authData());
        return new EnsembleAdmin(admin, timeout);
    }

    /**
     * Makes {@code node} a voting member. Idempotent: for a node that is already a member with
     * this address it only records the controller id, which is how the first controller, which
     * never needs a reconfig, gets its name and the cluster its id.
     *
     * @throws IllegalStateException if the server id or controller id is taken by another member, or
     *     if the servers do not trust the super user
     * @throws TimeoutException if the ensemble did not accept the node in time, typically because
     *     the node's peer is not running or cannot reach the leader
     */
    public EnsembleView proposeNode(PeerSpec node) throws KeeperException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        EnsembleView before = retry(deadline, "reading the membership", () -> EnsembleView.read(admin));
        Optional<PeerSpec> existing = before.member(node.serverId());
        if (existing.isPresent() && !existing.get().serverValue().equals(node.serverValue())) {
            throw new IllegalStateException(node.serverKey() + " is already a member at " + existing.get().serverValue());
        }
        Optional<PeerSpec> sameName = before.member(node.id());
        if (sameName.isPresent() && sameName.get().serverId() != node.serverId()) {
            throw new IllegalStateException(node.id() + " is already " + sameName.get().serverKey());
        }
        retry(deadline, "recording " + node.id(), () -> {
            ClusterRecords.record(admin, node, existing.isPresent());
            return null;
        });
        return retry(deadline, "adding " + node.serverKey(), () -> {
            EnsembleView view = EnsembleView.read(admin);
            if (view.member(node.serverId()).isPresent()) {
                return view;
            }
            byte[] config = admin.reconfigure(List.of(node.serverLine()), null, null, -1, null);
            LOG.info("Controller {} joined the ensemble as {}", node.id(), node.serverLine());
            return EnsembleView.read(admin, config);
        });
    }

    /**
     * Removes a voting member; its peer should be closed afterwards. Idempotent. Connect this
     * admin to a member that stays: the removed server drops its sessions.
     */
    public EnsembleView removeNode(int serverId) throws KeeperException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        EnsembleView after = retry(deadline, "removing server." + serverId, () -> {
            EnsembleView view = EnsembleView.read(admin);
            if (view.member(serverId).isEmpty()) {
                return view;
            }
            byte[] config = admin.reconfigure(null, List.of(Integer.toString(serverId)), null, -1, null);
            LOG.info("Server {} left the ensemble", serverId);
            return EnsembleView.read(admin, config);
        });
        retry(deadline, "forgetting server." + serverId, () -> {
            ClusterRecords.forget(admin, serverId);
            return null;
        });
        return after;
    }

    /** Removes the member that belongs to controller {@code id}, if there is one. */
    public EnsembleView removeNode(ControllerId id) throws KeeperException, InterruptedException, TimeoutException {
        Optional<PeerSpec> member = view().member(id);
        return member.isPresent() ? removeNode(member.get().serverId()) : view();
    }

    /** The membership as the connected server sees it. */
    public EnsembleView view() throws KeeperException, InterruptedException, TimeoutException {
        return retry(System.nanoTime() + timeout.toNanos(), "reading the membership", () -> EnsembleView.read(admin));
    }

    /** Ends the admin session; an interrupt while waiting for that is passed on, not thrown. */
    @Override
    public void close() {
        try {
            admin.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code call} until it succeeds, retrying while the session is not connected, a reconfig
     * is already under way, or the new membership has no synced majority yet. A refusal for lack
     * of rights is a setup error and says so.
     */
    private <T> T retry(long deadline, String what, ZkCall<T> call)
            throws KeeperException, InterruptedException, TimeoutException {
        while (true) {
            try {
                return call.run();
            } catch (KeeperException.ConnectionLossException | KeeperException.NewConfigNoQuorum
                    | KeeperException.ReconfigInProgress | KeeperException.OperationTimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    TimeoutException timedOut = new TimeoutException(what + " did not succeed within " + timeout);
                    timedOut.initCause(e);
                    throw timedOut;
                }
                LOG.debug("{}: {}; retrying", what, e.code());
                Thread.sleep(RETRY_PAUSE_MS);
            } catch (KeeperException.NoAuthException e) {
                throw new IllegalStateException(what + " was refused: the servers do not trust this super user. "
                        + "Either the controllers were given different secrets, or a ZooKeeper server in their JVM "
                        + "started before ZkSuperUser.installOnServers() and froze an empty super digest", e);
            }
        }
    }

    @FunctionalInterface
    private interface ZkCall<T> {
        T run() throws KeeperException, InterruptedException;
    }
}
