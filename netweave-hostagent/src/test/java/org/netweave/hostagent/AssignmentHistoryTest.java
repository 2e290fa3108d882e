package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;

/** Naming a DLR state's sender from the logical_manager assignment of the state's epoch. */
class AssignmentHistoryTest {
    private static final SliceSpace SPACE = new SliceSpace(4);
    private static final DlrId EDGE = DlrId.of("edge-1");
    private static final ControllerId C1 = ControllerId.of("controller-1");
    private static final ControllerId C2 = ControllerId.of("controller-2");

    /** Every slice owned by {@code owner}, so the DLR's slice is too. */
    private static SliceAssignment allTo(long epoch, ControllerId owner) {
        TreeMap<ControllerId, String> addresses = new TreeMap<>();
        addresses.put(owner, "127.0.0.1:700" + owner.value().charAt(owner.value().length() - 1));
        return new SliceAssignment(Role.LOGICAL_MANAGER, epoch, Collections.nCopies(SPACE.size(), owner), addresses,
                new TreeMap<>(), Set.of());
    }

    @Test
    void theAssignmentOfTheStatesEpochNamesTheSender() {
        AssignmentHistory history = AssignmentHistory.EMPTY.with(allTo(5, C1)).with(allTo(7, C2));

        assertThat(history.senderOf(EDGE, 5, SPACE)).contains(C1);
        assertThat(history.senderOf(EDGE, 7, SPACE)).contains(C2);
    }

    @Test
    void withoutTheExactEpochTheNearestNewerAssignmentStandsIn() {
        AssignmentHistory history = AssignmentHistory.EMPTY.with(allTo(9, C2)).with(allTo(6, C1));

        assertThat(history.senderOf(EDGE, 4, SPACE)).contains(C1);
        assertThat(history.senderOf(EDGE, 8, SPACE)).contains(C2);
        assertThat(history.senderOf(EDGE, 10, SPACE)).as("newer than anything known").isEmpty();
    }

    @Test
    void reachesTellsWhetherAskingTheClusterCouldHelp() {
        AssignmentHistory history = AssignmentHistory.EMPTY.with(allTo(5, C1));

        assertThat(AssignmentHistory.EMPTY.reaches(1)).isFalse();
        assertThat(history.reaches(5)).isTrue();
        assertThat(history.reaches(6)).isFalse();
    }

    @Test
    void keepsTheNewestEpochsAndSkipsAnAssignmentThatNamesNobody() {
        AssignmentHistory history = AssignmentHistory.EMPTY;
        for (long epoch = 1; epoch <= 20; epoch++) {
            history = history.with(allTo(epoch, C1));
        }
        history = history.with(SliceAssignment.none(Role.LOGICAL_MANAGER));

        assertThat(history.byEpoch()).hasSize(AssignmentHistory.KEPT);
        assertThat(history.byEpoch().firstKey()).isEqualTo(20 - AssignmentHistory.KEPT + 1);
        assertThat(history.byEpoch().lastKey()).isEqualTo(20);
    }
}
