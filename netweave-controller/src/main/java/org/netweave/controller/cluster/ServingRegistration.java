package org.netweave.controller.cluster;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The ephemeral znode that says "this node can serve hosts now, at this address". The role
 * masters assign slices only to registered nodes, so a node withdraws its registration when its
 * host-facing service goes down: its slices move within one rebalance, instead of staying
 * stranded on a node that hosts cannot reach (which NSX-V documents as a known gap).
 *
 * <p>Not thread-safe: the controller node calls it from its coordination thread only.
 */
public final class ServingRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(ServingRegistration.class);

    private final CuratorFramework client;
    private final ControllerId node;
    private final String address;
    private final AtomicLong registration = new AtomicLong();
    private boolean withdrawn;

    public ServingRegistration(CuratorFramework client, ControllerId node, String address) {
        this.client = client;
        this.node = node;
        this.address = address;
    }

    /**
     * (Re)creates the registration in the current session. A znode left by an earlier session of
     * this node (after a session expiry it lives until the server expires it) is replaced, so
     * the new registration gets a new zxid and the masters notice the node came back.
     */
    public void register() throws Exception {
        if (withdrawn) {
            return;
        }
        String path = ZkLayout.serving(node);
        long session = client.getZookeeperClient().getZooKeeper().getSessionId();
        Stat stat = new Stat();
        try {
            client.create().storingStatIn(stat).creatingParentsIfNeeded()
                    .withMode(CreateMode.EPHEMERAL).forPath(path, address.getBytes(UTF_8));
        } catch (KeeperException.NodeExistsException e) {
            try {
                client.getData().storingStatIn(stat).forPath(path);
                if (stat.getEphemeralOwner() != session) {
                    LOG.info("{}: replacing the registration of an earlier session", node);
                    client.delete().withVersion(stat.getVersion()).forPath(path);
                    register();
                    return;
                }
            } catch (KeeperException.NoNodeException | KeeperException.BadVersionException gone) {
                // The earlier session expired between our calls: its znode went by itself.
                register();
                return;
            }
        }
        registration.set(stat.getCzxid());
        LOG.info("{}: serving hosts at {} (registration {})", node, address, Long.toHexString(stat.getCzxid()));
    }

    /** Removes the registration and keeps it removed until {@link #restore()}. */
    public void withdraw() throws Exception {
        // Marked withdrawn only once the znode is gone: if the delete fails, the health check
        // still sees a registered node and tries again on its next tick.
        try {
            client.delete().forPath(ZkLayout.serving(node));
            LOG.warn("{}: withdrew from serving hosts; its slices move to other nodes", node);
        } catch (KeeperException.NoNodeException e) {
            // Already gone with an expired session; nothing left to withdraw.
        }
        withdrawn = true;
        registration.set(0);
    }

    public void restore() throws Exception {
        withdrawn = false;
        register();
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    /** The zxid of the current registration, 0 when there is none. Safe from any thread. */
    public long current() {
        return registration.get();
    }

    /** Called when the session is gone: whatever was registered belongs to a dead session. */
    public void sessionLost() {
        registration.set(0);
    }
}
