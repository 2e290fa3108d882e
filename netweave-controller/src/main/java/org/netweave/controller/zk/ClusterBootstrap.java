package org.netweave.controller.zk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.zookeeper.KeeperException;

/**
 * The two ways a controller's peer enters the cluster, as seed 002 describes them: the first
 * controller starts alone and becomes the ZooKeeper leader; every later one starts with the
 * current members plus itself and is then proposed to the running cluster.
 *
 * <p>Both are safe to repeat after a restart: the peer then starts from its own committed
 * membership, and a proposal of a node that is already a member only confirms its name.
 */
public final class ClusterBootstrap {
    /** How a controller's peer comes up in a process of its own. */
    public enum Entry {
        /** The first controller of a new cluster: alone, leading. */
        FIRST,
        /** A later one: through the other members, which run. */
        JOIN,
        /** One that was a member before: from the membership its directory committed. */
        RESTART
    }

    private ClusterBootstrap() {
    }

    /**
     * Starts the first controller of a new cluster and records its name and the cluster id.
     * Returns once the peer leads, which a lone voter does as soon as it has elected itself.
     */
    public static EmbeddedZooKeeperPeer startFirst(PeerSpec self, Path dir, ZkTuning tuning, ZkSuperUser superUser,
            ZkSecurity security, Duration timeout)
            throws IOException, KeeperException, InterruptedException, TimeoutException {
        EmbeddedZooKeeperPeer peer = EmbeddedZooKeeperPeer.start(self, List.of(self), dir, tuning, superUser, security);
        try (EnsembleAdmin admin = EnsembleAdmin.connect(self.clientAddress(), superUser, security, timeout)) {
            admin.proposeNode(self);
            return peer;
        } catch (KeeperException | InterruptedException | TimeoutException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    /**
     * Adds a controller to a running cluster: reads the current members through {@code
     * clusterConnectString}, starts this peer with those members plus itself, and proposes it.
     * Returns once the ensemble has committed the membership with this controller in it.
     *
     * @param clusterConnectString client addresses of one or more current members
     */
    public static EmbeddedZooKeeperPeer join(PeerSpec self, String clusterConnectString, Path dir, ZkTuning tuning,
            ZkSuperUser superUser, ZkSecurity security, Duration timeout)
            throws IOException, KeeperException, InterruptedException, TimeoutException {
        try (EnsembleAdmin admin = EnsembleAdmin.connect(clusterConnectString, superUser, security, timeout)) {
            List<PeerSpec> ensemble = new ArrayList<>(admin.view().members());
            ensemble.removeIf(member -> member.serverId() == self.serverId());
            ensemble.add(self);
            EmbeddedZooKeeperPeer peer = EmbeddedZooKeeperPeer.start(self, ensemble, dir, tuning, superUser, security);
            try {
                admin.proposeNode(self);
                return peer;
            } catch (KeeperException | InterruptedException | TimeoutException | RuntimeException e) {
                peer.close();
                throw e;
            }
        }
    }

    /**
     * Starts {@code self}'s peer the way {@code entry} says and returns once it serves: a restarted
     * peer serves only when it is back in a majority, and a controller node starts on a serving peer.
     *
     * @param ensemble every member, {@code self} included (the others are joined through)
     * @throws TimeoutException if the peer does not serve within {@code timeout}
     */
    public static EmbeddedZooKeeperPeer enter(Entry entry, PeerSpec self, List<PeerSpec> ensemble, Path dir,
            ZkTuning tuning, ZkSuperUser superUser, ZkSecurity security, Duration timeout)
            throws IOException, KeeperException, InterruptedException, TimeoutException {
        EmbeddedZooKeeperPeer peer = switch (entry) {
            case FIRST -> startFirst(self, dir, tuning, superUser, security, timeout);
            case JOIN -> join(self, ensemble.stream().filter(spec -> !spec.equals(self)).map(PeerSpec::clientAddress)
                    .collect(Collectors.joining(",")), dir, tuning, superUser, security, timeout);
            case RESTART -> EmbeddedZooKeeperPeer.start(self, ensemble, dir, tuning, superUser, security);
        };
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!PeerProbe.mode(self, PeerProbe.DEFAULT_TIMEOUT, security).isServing()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(self.id() + "'s ZooKeeper peer found no majority within " + timeout
                            + ": are the other controllers running?");
                }
                Thread.sleep(100);
            }
            return peer;
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }
}
