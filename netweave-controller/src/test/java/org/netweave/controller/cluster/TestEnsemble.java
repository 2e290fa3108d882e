package org.netweave.controller.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.netweave.controller.TestPorts;

/**
 * A real three-server ZooKeeper ensemble (Curator's TestingCluster) with a short tick, so that
 * session timeouts of a few seconds are allowed.
 */
public final class TestEnsemble implements Closeable {
    public static final int TICK_MS = 200;
    public static final int SESSION_TIMEOUT_MS = 2_000;

    private final TestingCluster cluster;
    private final List<CuratorFramework> clients = new ArrayList<>();

    public TestEnsemble(int servers) throws Exception {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            List<Integer> free = TestPorts.take(3);
            specs.add(new InstanceSpec(null, free.get(0), free.get(1), free.get(2), true, i, TICK_MS, -1));
        }
        cluster = new TestingCluster(specs);
        cluster.start();
    }

    public TestingCluster cluster() {
        return cluster;
    }

    public CuratorFramework newClient() {
        return newClient(cluster.getConnectString());
    }

    public CuratorFramework newClient(String connectString) {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(SESSION_TIMEOUT_MS)
                .connectionTimeoutMs(1_000)
                .retryPolicy(new RetryNTimes(2, 100))
                .build();
        client.start();
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws IOException {
        for (CuratorFramework client : clients) {
            client.close();
        }
        cluster.close();
    }
}
