package org.netweave.hostagent;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;

/**
 * The logical_manager assignments a host has seen, by epoch, to name the controller that sent a
 * DLR's state. An owner stamps every {@code DlrState} with its logical_manager epoch and sends it
 * only while that epoch's assignment gives it the DLR's slice, so the assignment of the state's
 * epoch names the sender exactly. Immutable; the newest {@link #KEPT} epochs are kept.
 */
public record AssignmentHistory(SortedMap<Long, SliceAssignment> byEpoch) {
    static final int KEPT = 16;
    public static final AssignmentHistory EMPTY = new AssignmentHistory(new TreeMap<>());

    public AssignmentHistory {
        TreeMap<Long, SliceAssignment> copy = new TreeMap<>(byEpoch);
        while (copy.size() > KEPT) {
            copy.pollFirstEntry();
        }
        for (Map.Entry<Long, SliceAssignment> entry : copy.entrySet()) {
            if (entry.getValue().role() != Role.LOGICAL_MANAGER || entry.getValue().epoch() != entry.getKey()) {
                throw new IllegalArgumentException("not the logical_manager assignment of epoch " + entry.getKey()
                        + ": " + entry.getValue());
            }
        }
        byEpoch = Collections.unmodifiableSortedMap(copy);
    }

    /** This history with {@code assignment} added; an unassigned one (no owners yet) names nobody and is skipped. */
    public AssignmentHistory with(SliceAssignment assignment) {
        if (!assignment.isAssigned() || byEpoch.containsKey(assignment.epoch())) {
            return this;
        }
        SortedMap<Long, SliceAssignment> more = new TreeMap<>(byEpoch);
        more.put(assignment.epoch(), assignment);
        return new AssignmentHistory(more);
    }

    /** Whether an assignment of {@code epoch} or newer is known, so asking the cluster would not help. */
    public boolean reaches(long epoch) {
        return !byEpoch.isEmpty() && byEpoch.lastKey() >= epoch;
    }

    /**
     * The controller that sent {@code dlr}'s state stamped {@code stateEpoch}. Exact when that
     * epoch's assignment is known. When it is not (the host first asked after it), the nearest
     * newer assignment stands in: a DLR keeps its state's epoch while later assignments leave it
     * where it is, and when one moves it the host re-joins and a newer state replaces this one.
     */
    public Optional<ControllerId> senderOf(DlrId dlr, long stateEpoch, SliceSpace space) {
        SliceAssignment exact = byEpoch.get(stateEpoch);
        if (exact != null) {
            return exact.ownerOf(dlr, space);
        }
        SortedMap<Long, SliceAssignment> newer = byEpoch.tailMap(stateEpoch);
        return newer.isEmpty() ? Optional.empty() : newer.get(newer.firstKey()).ownerOf(dlr, space);
    }
}
