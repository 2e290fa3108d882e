package org.netweave.controller.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;

/** Role masters by majority and the published assignment, against a real ZooKeeper ensemble. */
@Tag("embedded-zookeeper")
class RoleMastersAndAssignmentTest {
    private final List<ClusterCoordinator> coordinators = new ArrayList<>();
    private TestEnsemble ensemble;

    @AfterEach
    void close() throws Exception {
        coordinators.forEach(ClusterCoordinator::close);
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    void everyRoleHasOneMasterAndTheSlicesAreSpreadEvenly() throws Exception {
        ensemble = new TestEnsemble(3);
        for (int i = 1; i <= 3; i++) {
            start(ensemble.newClient(), "controller-" + i);
        }
        for (Role role : Role.values()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(coordinators.stream().filter(c -> c.isMaster(role)).count()).as("masters of %s", role).isEqualTo(1);
                SliceAssignment assignment = coordinators.getFirst().assignment(role).assignment();
                assertThat(assignment.sliceCounts().values()).containsExactlyInAnyOrder(85, 85, 86);
            });
        }
        SliceAssignment switches = coordinators.getFirst().assignment(Role.SWITCH_MANAGER).assignment();
        for (ClusterCoordinator coordinator : coordinators) {
            await().untilAsserted(() -> {
                SliceAssignment seen = coordinator.assignment(Role.SWITCH_MANAGER).assignment();
                assertThat(seen.epoch()).isEqualTo(switches.epoch());
                assertThat(coordinator.mayAct(seen)).as("%s may act", coordinator.node()).isTrue();
            });
        }
    }

    @Test
    void aLostNodesSlicesAndOnlyThoseMoveAndHostsLearnWhichNodeFailed() throws Exception {
        ensemble = new TestEnsemble(3);
        List<CuratorFramework> clients = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            CuratorFramework client = ensemble.newClient();
            clients.add(client);
            start(client, "controller-" + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> assignment().sliceCounts().size() == 3);
        SliceAssignment before = assignment();
        ControllerId lost = ControllerId.of("controller-2");

        coordinators.get(1).close();
        clients.get(1).close();

        await().atMost(Duration.ofSeconds(20)).until(() -> !assignment().nodes().containsKey(lost));
        SliceAssignment after = assignment();
        assertThat(after.epoch()).isGreaterThan(before.epoch());
        assertThat(after.failed()).containsExactly(lost);
        Map<ControllerId, Integer> moved = new TreeMap<>();
        for (int slice = 0; slice < SliceSpace.DEFAULT_SIZE; slice++) {
            ControllerId was = before.ownerOf(slice).orElseThrow();
            ControllerId now = after.ownerOf(slice).orElseThrow();
            if (!was.equals(now)) {
                assertThat(was).as("slice %d moved away from a live node", slice).isEqualTo(lost);
                moved.merge(now, 1, Integer::sum);
            }
        }
        assertThat(moved.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(before.slicesOf(lost).size());
        assertThat(after.sliceCounts().values()).containsExactlyInAnyOrder(128, 128);
    }

    private SliceAssignment assignment() {
        return coordinators.getFirst().assignment(Role.SWITCH_MANAGER).assignment();
    }

    private void start(CuratorFramework client, String id) throws Exception {
        ClusterCoordinator coordinator = new ClusterCoordinator(client, ControllerId.of(id), "127.0.0.1:" + (7000 + coordinators.size()),
                SliceSpace.DEFAULT, Clock.systemUTC(), new CoordinatorListener() {
                    @Override
                    public void assignmentChanged(SliceAssignment assignment) {
                    }

                    @Override
                    public void majorityChanged(boolean connected) {
                    }
                });
        coordinator.start();
        coordinators.add(coordinator);
    }
}
