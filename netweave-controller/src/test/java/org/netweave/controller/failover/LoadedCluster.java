package org.netweave.controller.failover;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.scale.SyntheticLoad;

/**
 * The starting point of every fault test: three controllers that act for their slices, a
 * synthetic load on them that has settled, and the tables as they were before the fault.
 */
final class LoadedCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final ControllerTestCluster cluster;
    final SyntheticLoad load;
    final RuntimeTablesSnapshot before;

    private LoadedCluster(ControllerTestCluster cluster, SyntheticLoad load) {
        this.cluster = cluster;
        this.load = load;
        this.before = cluster.tables();
    }

    static LoadedCluster start(int switches, int routers, int hosts) throws Exception {
        ControllerTestCluster cluster = new ControllerTestCluster(3);
        SyntheticLoad load = new SyntheticLoad(switches, routers, hosts);
        try {
            await().atMost(WAIT).until(cluster::settled);
            load.configure(cluster.hostAddresses());
            load.connectHosts(cluster.hostAddresses());
            await().atMost(WAIT).until(load::settled);
            return new LoadedCluster(cluster, load);
        } catch (Exception | AssertionError e) {
            load.close();
            cluster.close();
            throw e;
        }
    }

    /** Waits until the live nodes' tables are the tables before the fault again. */
    void awaitTablesAsBefore() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> cluster.tables().equals(before));
    }

    @Override
    public void close() {
        load.close();
        cluster.close();
    }
}
