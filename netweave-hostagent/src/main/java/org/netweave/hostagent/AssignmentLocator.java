package org.netweave.hostagent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.cluster.AssignmentCodec;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.GetAssignmentsRequest;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.SliceAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names a DLR's sender from the state's epoch and the logical_manager assignment of that epoch
 * ({@link AssignmentHistory}). It asks a controller for the assignments (the read-only
 * {@code GetAssignments} call) only when a state carries an epoch newer than any it knows, which
 * happens once per assignment change, not per report.
 *
 * <p>Not thread-safe: the follower calls it from its one thread.
 */
public final class AssignmentLocator implements DlrControllerLocator {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentLocator.class);
    private static final long CALL_TIMEOUT_MS = 2_000;

    private final ControllerChannels channels;
    private final SliceSpace space;
    private AssignmentHistory history = AssignmentHistory.EMPTY;
    private int next;

    public AssignmentLocator(ControllerChannels channels, SliceSpace space) {
        this.channels = channels;
        this.space = space;
    }

    @Override
    public Map<DlrId, ControllerId> controllersOf(Map<DlrId, DlrState> states, List<ControllerAddress> controllers) {
        long newest = states.values().stream().mapToLong(DlrState::getEpoch).max().orElse(0);
        if (newest > 0 && !history.reaches(newest) && !controllers.isEmpty()) {
            fetch(controllers.get(Math.floorMod(next++, controllers.size())));
        }
        Map<DlrId, ControllerId> senders = new HashMap<>();
        states.forEach((dlr, state) -> history.senderOf(dlr, state.getEpoch(), space)
                .ifPresent(sender -> senders.put(dlr, sender)));
        return senders;
    }

    /** One controller per call, the next of the list each time, so a dead one delays naming by one report check. */
    private void fetch(ControllerAddress from) {
        try {
            List<SliceAssignment> all = ManagerChannelGrpc.newBlockingStub(channels.channel(from.value()))
                    .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .getAssignments(GetAssignmentsRequest.getDefaultInstance()).getAssignmentsList();
            for (SliceAssignment assignment : all) {
                if (assignment.getRole() == AssignmentCodec.toProto(Role.LOGICAL_MANAGER)) {
                    history = history.with(AssignmentCodec.fromProto(assignment));
                }
            }
        } catch (StatusRuntimeException e) {
            LOG.debug("controller {} did not answer GetAssignments: {}", from, e.getStatus());
        }
    }
}
