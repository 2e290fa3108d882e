package org.netweave.controller.zk;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A plain ZooKeeper session on one peer, without Curator's retries, so that a test sees exactly
 * what that peer serves and when it stops serving.
 */
final class TestClient implements AutoCloseable {
    private final ZooKeeper zooKeeper;

    private TestClient(ZooKeeper zooKeeper) {
        this.zooKeeper = zooKeeper;
    }

    /** A session on {@code peer} alone, once connected. */
    static TestClient connect(PeerSpec peer) throws IOException {
        TestClient client = new TestClient(new ZooKeeper(peer.clientAddress(), 4_000, event -> { }));
        await().atMost(ZkTestSupport.TIMEOUT).until(client::isConnected);
        return client;
    }

    boolean isConnected() {
        return zooKeeper.getState().isConnected();
    }

    ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    EnsembleView view() throws KeeperException, InterruptedException {
        return EnsembleView.read(zooKeeper);
    }

    void write(String path, String value) throws KeeperException, InterruptedException {
        zooKeeper.create(path, value.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
    }

    String read(String path) throws KeeperException, InterruptedException {
        return new String(zooKeeper.getData(path, false, null), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            zooKeeper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
