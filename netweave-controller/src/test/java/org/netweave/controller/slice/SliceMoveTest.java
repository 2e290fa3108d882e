package org.netweave.controller.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;

class SliceMoveTest {
    static final ControllerId C1 = ControllerId.of("controller-1");
    static final ControllerId C2 = ControllerId.of("controller-2");
    static final ControllerId C3 = ControllerId.of("controller-3");

    @Test
    void aFailedNodesSlicesAreOneMovePerNewOwner() {
        SliceAssignment before = assignment(1, C1, C2, C3, C1, C2, C3, C2);
        SliceAssignment after = assignment(2, C1, C1, C3, C1, C3, C3, C1);

        List<SliceMove> moves = SliceMove.between(before, after);

        assertThat(moves).containsExactly(
                new SliceMove(Role.SWITCH_MANAGER, 2, Optional.of(C2), Optional.of(C1), List.of(1, 6)),
                new SliceMove(Role.SWITCH_MANAGER, 2, Optional.of(C2), Optional.of(C3), List.of(4)));
    }

    @Test
    void theFirstAssignmentMovesEverySliceFromNobody() {
        List<SliceMove> moves = SliceMove.between(SliceAssignment.none(Role.SWITCH_MANAGER), assignment(1, C1, C1, C2));

        assertThat(moves).extracting(SliceMove::from, SliceMove::to, SliceMove::ranges).containsExactly(
                Tuple.tuple(Optional.empty(), Optional.of(C1), "0-1"),
                Tuple.tuple(Optional.empty(), Optional.of(C2), "2"));
    }

    @Test
    void anUnchangedAssignmentMovesNothing() {
        assertThat(SliceMove.between(assignment(3, C1, C2), assignment(4, C1, C2))).isEmpty();
    }

    @Test
    void rangesJoinConsecutiveSlices() {
        SliceMove move = new SliceMove(Role.LOGICAL_MANAGER, 1, Optional.empty(), Optional.of(C1),
                List.of(0, 1, 2, 3, 7, 9, 10, 11, 12, 255));

        assertThat(move.ranges()).isEqualTo("0-3,7,9-12,255");
    }

    private static SliceAssignment assignment(long epoch, ControllerId... owners) {
        SortedMap<ControllerId, String> addresses = new TreeMap<>();
        SortedMap<ControllerId, Long> registrations = new TreeMap<>();
        for (ControllerId owner : owners) {
            addresses.put(owner, "127.0.0.1:" + (7000 + owner.value().length()));
            registrations.put(owner, 1L);
        }
        return new SliceAssignment(Role.SWITCH_MANAGER, epoch, List.of(owners), addresses, registrations, Set.of());
    }
}
