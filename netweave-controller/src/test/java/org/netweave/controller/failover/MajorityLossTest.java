package org.netweave.controller.failover;

import org.netweave.controller.scale.SyntheticLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.netweave.proto.controller.v1.CreateLogicalSwitchRequest;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.WriteResult;

/**
 * Kill two of three: the survivor has no majority, turns read-only and drops its host sessions
 * (NSX-V behaviour). Restart one: the cluster recovers and the tables are complete again.
 */
class MajorityLossTest {
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
    void theSurvivorOfTwoFailuresIsReadOnlyUntilOneReturns() throws Exception {
        cluster = new ControllerTestCluster(3);
        await().atMost(WAIT).until(cluster::settled);
        workload = new SyntheticLoad(60, 6, 12);
        workload.configure(cluster.hostAddresses());
        workload.connectHosts(cluster.hostAddresses());
        await().atMost(WAIT).until(workload::settled);
        RuntimeTablesSnapshot before = cluster.tables();
        ControllerNode survivor = cluster.node(2);
        await().atMost(WAIT).until(() -> survivor.owner().hostSessions() > 0);

        cluster.kill(0);
        cluster.kill(1);

        await().atMost(WAIT).until(() -> !survivor.coordinator().hasMajority());
        await().atMost(WAIT).until(() -> survivor.owner().hostSessions() == 0);
        for (Role role : Role.values()) {
            assertThat(survivor.coordinator().isMaster(role)).as("master of %s without majority", role).isFalse();
        }
        try (ControllerChannels channels = new ControllerChannels()) {
            WriteResult write = ManagerChannelGrpc.newBlockingStub(channels.channel(survivor.hostAddress()))
                    .createLogicalSwitch(CreateLogicalSwitchRequest.newBuilder().setVni(9000).setName("late").setEpoch(99).build());
            assertThat(write.getRefused().getReason()).isEqualTo(Refused.Reason.NO_MAJORITY);
        }
        assertThat(workload.settled()).isFalse();

        cluster.restart(0);

        await().atMost(WAIT).until(survivor.coordinator()::hasMajority);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> cluster.tables().equals(before));
        await().atMost(WAIT).until(workload::settled);
        OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
    }
}
