package org.netweave.controller.cluster;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;

/**
 * Orders slice handovers so that no two nodes act for a slice at once.
 *
 * <p>Each node keeps an ephemeral znode per role, {@code /netweave/acting/<role>/<node>}, holding
 * the newest epoch it has applied: "I act for exactly what epoch E gives me, and for nothing an
 * earlier epoch gave me". A node that gains slices at epoch E starts acting for them only once
 * every other node's znode shows at least E, or is gone. A znode goes when its session does, so a
 * node cut off from ZooKeeper holds up its successors until its session has expired, by which
 * time it has long stopped acting itself (it stops on SUSPENDED). That is the lease argument that
 * makes the handover safe without trusting clocks across machines.
 *
 * <p>{@link #publish} blocks on ZooKeeper; the owner thread calls it. The cache's listener runs on
 * the executor given to the constructor.
 */
public final class HandoverBarrier implements Closeable {
    private final CuratorFramework client;
    private final ControllerId node;
    private final CuratorCache cache;

    public HandoverBarrier(CuratorFramework client, ControllerId node, Executor executor, Runnable onChange) {
        this.client = client;
        this.node = node;
        this.cache = CuratorCache.build(client, ZkLayout.ROOT + "/acting");
        cache.listenable().addListener((type, before, after) -> onChange.run(), executor);
    }

    public void start() {
        cache.start();
    }

    static String path(Role role, ControllerId node) {
        return ZKPaths.makePath(ZkLayout.ROOT, "acting", role.cliName(), node.value());
    }

    /**
     * Creates this session's znodes with epoch 0 before the node registers for slices, so that
     * anyone who sees an assignment naming this node also sees that it may be acting.
     */
    public synchronized void prepare(Role role) throws Exception {
        Stat stat = client.checkExists().forPath(path(role, node));
        if (stat == null || stat.getEphemeralOwner() != client.getZookeeperClient().getZooKeeper().getSessionId()) {
            publish(role, 0);
        }
    }

    /** Records that this node has applied {@code epoch} of {@code role}; a znode of an earlier session is replaced. */
    public synchronized void publish(Role role, long epoch) throws Exception {
        String path = path(role, node);
        byte[] data = ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
        long session = client.getZookeeperClient().getZooKeeper().getSessionId();
        Stat stat = client.checkExists().forPath(path);
        if (stat != null && stat.getEphemeralOwner() == session) {
            client.setData().forPath(path, data);
            return;
        }
        if (stat != null) {
            try {
                client.delete().withVersion(stat.getVersion()).forPath(path);
            } catch (KeeperException.NoNodeException e) {
                // Expired meanwhile.
            }
        }
        client.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, data);
    }

    /**
     * Whether every other node has applied {@code epoch} of {@code role} or holds no acting znode.
     * Read directly after a sync rather than from the cache: the answer must be at least as new as
     * the assignment the caller acts on, and two caches give no order between them.
     */
    public boolean othersCaughtUp(Role role, long epoch) throws Exception {
        String parent = ZKPaths.makePath(ZkLayout.ROOT, "acting", role.cliName());
        client.sync().forPath(parent);
        List<String> children;
        try {
            children = client.getChildren().forPath(parent);
        } catch (KeeperException.NoNodeException e) {
            return true;
        }
        for (String child : children) {
            if (child.equals(node.value())) {
                continue;
            }
            try {
                byte[] data = client.getData().forPath(ZKPaths.makePath(parent, child));
                if (data.length != Long.BYTES || ByteBuffer.wrap(data).getLong() < epoch) {
                    return false;
                }
            } catch (KeeperException.NoNodeException e) {
                // Its session ended between listing and reading: it acts for nothing.
            }
        }
        return true;
    }

    @Override
    public void close() {
        cache.close();
    }
}
