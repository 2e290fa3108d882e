package org.netweave.controller.zk;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.netweave.model.ControllerId;

/**
 * What Netweave keeps beside ZooKeeper's config, which names servers only by number: the
 * controller id of each server ({@link EnsembleView#CONTROLLERS_PATH}) and the cluster id
 * ({@link EnsembleView#CLUSTER_ID_PATH}).
 *
 * <p>Everybody may read these nodes; only the super user may write them ({@code world:anyone:r},
 * which the super user passes over), so only {@link EnsembleAdmin} changes them. {@code /netweave}
 * itself stays open, because the rest of the controller keeps its own nodes below it.
 */
final class ClusterRecords {
    private static final List<ACL> SUPER_WRITES = ZooDefs.Ids.READ_ACL_UNSAFE;

    private ClusterRecords() {
    }

    /** The controller id of every recorded server id. */
    static Map<Integer, ControllerId> names(ZooKeeper zooKeeper) throws KeeperException, InterruptedException {
        Map<Integer, ControllerId> names = new HashMap<>();
        List<String> children;
        try {
            children = zooKeeper.getChildren(EnsembleView.CONTROLLERS_PATH, false);
        } catch (KeeperException.NoNodeException e) {
            return names;
        }
        for (String child : children) {
            try {
                byte[] data = zooKeeper.getData(EnsembleView.CONTROLLERS_PATH + "/" + child, false, null);
                names.put(Integer.parseInt(child), ControllerId.of(new String(data, StandardCharsets.UTF_8)));
            } catch (KeeperException.NoNodeException e) {
                // The controller was removed between listing and reading; it is no member then.
            }
        }
        return names;
    }

    static Optional<String> clusterId(ZooKeeper zooKeeper) throws KeeperException, InterruptedException {
        try {
            return Optional.of(new String(zooKeeper.getData(EnsembleView.CLUSTER_ID_PATH, false, null),
                    StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }

    /**
     * Records the cluster id (once) and {@code node}'s controller id. Safe to repeat.
     *
     * @throws IllegalStateException if {@code node} is a member already recorded under another name
     */
    static void record(ZooKeeper zooKeeper, PeerSpec node, boolean alreadyMember)
            throws KeeperException, InterruptedException {
        createIfAbsent(zooKeeper, "/netweave", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE);
        createIfAbsent(zooKeeper, EnsembleView.CLUSTER_PATH, new byte[0], SUPER_WRITES);
        createIfAbsent(zooKeeper, EnsembleView.CLUSTER_ID_PATH, utf8(UUID.randomUUID().toString()), SUPER_WRITES);
        createIfAbsent(zooKeeper, EnsembleView.CONTROLLERS_PATH, new byte[0], SUPER_WRITES);
        String path = EnsembleView.CONTROLLERS_PATH + "/" + node.serverId();
        if (!createIfAbsent(zooKeeper, path, utf8(node.id().value()), SUPER_WRITES)) {
            String recorded = new String(zooKeeper.getData(path, false, null), StandardCharsets.UTF_8);
            if (!recorded.equals(node.id().value())) {
                if (alreadyMember) {
                    throw new IllegalStateException(node.serverKey() + " is already controller " + recorded);
                }
                // A name left behind by a proposal that never reached the reconfig; the new one wins.
                zooKeeper.setData(path, utf8(node.id().value()), -1);
            }
        }
    }

    /** Forgets the controller id of a server that left. Safe to repeat. */
    static void forget(ZooKeeper zooKeeper, int serverId) throws KeeperException, InterruptedException {
        try {
            zooKeeper.delete(EnsembleView.CONTROLLERS_PATH + "/" + serverId, -1);
        } catch (KeeperException.NoNodeException e) {
            // Already forgotten.
        }
    }

    private static boolean createIfAbsent(ZooKeeper zooKeeper, String path, byte[] data, List<ACL> acl)
            throws KeeperException, InterruptedException {
        try {
            zooKeeper.create(path, data, acl, CreateMode.PERSISTENT);
            return true;
        } catch (KeeperException.NodeExistsException e) {
            return false;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
