package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.netweave.controller.ControllerNode;
import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.ControllerId;

/** Timing and the checks the embedded cluster tests share; the checks are for {@code untilAsserted}. */
final class ClusterChecks {
    /** A 200 ms tick: a follower drops out after 1 s of silence, sessions may last 0.4–4 s. */
    static final ZkTuning FAST = ZkTuning.ofTick(Duration.ofMillis(200));
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    /** The bound for any one awaited condition: well above a session timeout plus a leader election. */
    static final Duration WAIT = Duration.ofSeconds(15);

    static final ControllerId C1 = ControllerId.of("controller-1");
    static final ControllerId C2 = ControllerId.of("controller-2");
    static final ControllerId C3 = ControllerId.of("controller-3");

    private ClusterChecks() {
    }

    /** Every role has exactly one master among {@code nodes}. */
    static void oneMasterPerRole(Collection<ControllerNode> nodes) {
        for (Role role : Role.values()) {
            List<ControllerId> masters = nodes.stream().filter(node -> node.coordinator().isMaster(role))
                    .map(ControllerNode::id).toList();
            assertThat(masters).as("masters of %s", role.cliName()).hasSize(1);
        }
    }

    /**
     * Every one of {@code nodes} sees a switch_manager assignment over exactly {@code members},
     * balanced (slice counts within one of each other), names its own registration, and may act on it.
     */
    static void balancedOver(Collection<ControllerNode> nodes, Set<ControllerId> members, Integer... counts) {
        for (ControllerNode node : nodes) {
            SliceAssignment assignment = node.coordinator().assignment(Role.SWITCH_MANAGER).assignment();
            assertThat(assignment.nodes().keySet()).as("%s sees the nodes", node.id()).isEqualTo(members);
            assertThat(assignment.sliceCounts().values()).as("%s sees the slice counts", node.id())
                    .containsExactlyInAnyOrder(counts);
            assertThat(node.coordinator().mayAct(assignment)).as("%s may act", node.id()).isTrue();
        }
    }

    /**
     * Every one of {@code nodes} acts as owner for exactly the switch_manager and logical_manager
     * slices its newest assignment gives it, as its ownership events tell.
     */
    static void actingAsAssigned(Collection<ControllerNode> nodes) {
        for (ControllerNode node : nodes) {
            for (Role role : List.of(Role.SWITCH_MANAGER, Role.LOGICAL_MANAGER)) {
                SliceAssignment assignment = node.coordinator().assignment(role).assignment();
                assertThat(acting(node, role)).as("%s slices %s acts for", role.cliName(), node.id())
                        .isEqualTo(new TreeSet<>(assignment.slicesOf(node.id())));
            }
        }
    }

    /** The slices {@code node} acts for now: those whose last ownership event is an acquisition. */
    static Set<Integer> acting(ControllerNode node, Role role) {
        Set<Integer> slices = new TreeSet<>();
        for (OwnershipEvent event : node.owner().ownershipEvents()) {
            if (event.role() == role) {
                if (event.acquired()) {
                    slices.add(event.slice());
                } else {
                    slices.remove(event.slice());
                }
            }
        }
        return slices;
    }

    static Set<ControllerId> ids(Collection<ControllerNode> nodes) {
        return nodes.stream().map(ControllerNode::id).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<ControllerId> ids(ControllerId... ids) {
        return new TreeSet<>(List.of(ids));
    }
}
