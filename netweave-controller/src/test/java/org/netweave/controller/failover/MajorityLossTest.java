package org.netweave.controller.failover;

import org.netweave.controller.scale.SyntheticLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
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
@Tag("embedded-zookeeper")
class MajorityLossTest {
    @Test
    void theSurvivorOfTwoFailuresIsReadOnlyUntilOneReturns() throws Exception {
        try (LoadedCluster loaded = LoadedCluster.start(60, 6, 12)) {
            ControllerTestCluster cluster = loaded.cluster;
            SyntheticLoad workload = loaded.load;
            RuntimeTablesSnapshot before = loaded.before;
            ControllerNode survivor = cluster.node(2);
            await().atMost(LoadedCluster.WAIT).until(() -> survivor.owner().hostSessions() > 0);

            cluster.kill(0);
            cluster.kill(1);

            await().atMost(LoadedCluster.WAIT).until(() -> !survivor.coordinator().hasMajority());
            await().atMost(LoadedCluster.WAIT).until(() -> survivor.owner().hostSessions() == 0);
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

            await().atMost(LoadedCluster.WAIT).until(survivor.coordinator()::hasMajority);
            await().atMost(LoadedCluster.WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> cluster.tables().equals(before));
            await().atMost(LoadedCluster.WAIT).until(workload::settled);
            OwnershipAudit.assertNeverTwoOwners(cluster.ownershipEvents(), cluster.crashes());
        }
    }
}
