package org.netweave.controller.failover;

import org.netweave.controller.scale.SyntheticLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;

/**
 * A node cut off from ZooKeeper (its session expires) stops acting as owner before any other
 * node takes over its slices: never two owners at once.
 */
class SessionExpiryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ControllerTestCluster cluster;
    private SyntheticLoad workload;

    @AfterEach
    void close() {
        if (workload != null) {
            workload.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aNodeWhoseSessionExpiredStopsActingBeforeAnyoneTakesOver() throws Exception {
        cluster = new ControllerTestCluster(3);
        await().atMost(WAIT).until(cluster::settled);
        workload = new SyntheticLoad(60, 6, 12);
        workload.configure(cluster.hostAddresses());
        workload.connectHosts(cluster.hostAddresses());
        await().atMost(WAIT).until(workload::settled);
        RuntimeTablesSnapshot before = cluster.tables();
        ControllerNode cut = cluster.node(1);
        List<Integer> itsSlices = cut.coordinator().assignment(Role.SWITCH_MANAGER).assignment().slicesOf(cut.id());
        long expired = System.nanoTime();

        cut.zooKeeper().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

        await().atMost(WAIT).until(() -> cluster.ownershipEvents().stream()
                .anyMatch(e -> e.acquired() && !e.node().equals(cut.id()) && e.nanos() > expired
                        && itsSlices.contains(e.slice()) && e.role() == Role.SWITCH_MANAGER)
                || cut.owner().ownershipEvents().stream().anyMatch(e -> e.acquired() && e.nanos() > expired));
        List<OwnershipEvent> released = cut.owner().ownershipEvents().stream()
                .filter(e -> !e.acquired() && e.nanos() >= expired).toList();
        assertThat(released).as("%s let go of its slices when its session expired", cut.id()).isNotEmpty();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> cluster.settled() && cluster.tables().equals(before));
        await().atMost(WAIT).until(workload::settled);
        OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
    }
}
