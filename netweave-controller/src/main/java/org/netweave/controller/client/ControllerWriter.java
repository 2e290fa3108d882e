package org.netweave.controller.client;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import org.netweave.controller.cluster.AssignmentCodec;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Assignments;
import org.netweave.proto.controller.v1.Bridge;
import org.netweave.proto.controller.v1.DeleteBridgeRequest;
import org.netweave.proto.controller.v1.DeleteDlrRequest;
import org.netweave.proto.controller.v1.DeleteLifRequest;
import org.netweave.proto.controller.v1.DeleteLogicalSwitchRequest;
import org.netweave.proto.controller.v1.PutBridgeRequest;
import org.netweave.proto.controller.v1.ControlVmChannelGrpc;
import org.netweave.proto.controller.v1.CreateDlrRequest;
import org.netweave.proto.controller.v1.CreateLogicalSwitchRequest;
import org.netweave.proto.controller.v1.ForwardingTable;
import org.netweave.proto.controller.v1.GetAssignmentsRequest;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.PutLifRequest;
import org.netweave.proto.controller.v1.PutVniPlacementRequest;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniPlacement;
import org.netweave.proto.controller.v1.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends writes of desired state (from the manager or a control VM) to the owning controller node
 * of each object. It routes by the newest assignment it knows, follows redirects, and retries
 * while the cluster is between owners (NOT_ASSIGNED, STALE_EPOCH, NO_MAJORITY, an unreachable
 * node) until a deadline. INVALID and NOT_FOUND come back to the caller at once.
 *
 * <p>Thread-safe: calls are blocking and the assignment cache is synchronised.
 */
public final class ControllerWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerWriter.class);
    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A silent owner (partitioned, stalled) must not hold a write past the caller's deadline. */
    private static final long CALL_TIMEOUT_MS = 5_000;

    private final List<String> controllers;
    private final ControllerChannels channels;
    private final SliceSpace space;
    private final Duration deadline;
    private final Map<Role, SliceAssignment> assignments = new EnumMap<>(Role.class);
    private int nextController;

    public ControllerWriter(List<String> controllers, ControllerChannels channels, SliceSpace space, Duration deadline) {
        this.controllers = List.copyOf(controllers);
        this.channels = channels;
        this.space = space;
        this.deadline = deadline;
    }

    public WriteResult createLogicalSwitch(Vni vni, String name, ReplicationMode mode, boolean arpProxy) {
        return send(Role.SWITCH_MANAGER, space.sliceOf(vni), (channel, epoch) -> ManagerChannelGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .createLogicalSwitch(CreateLogicalSwitchRequest.newBuilder().setVni(vni.value()).setName(name)
                        .setReplicationMode(mode).setArpProxy(arpProxy).setEpoch(epoch).build()));
    }

    /** The manager's placement on a VNI (see {@code VniPlacement}); replaces the last one. */
    public WriteResult putVniPlacement(Vni vni, VniPlacement placement) {
        return send(Role.SWITCH_MANAGER, space.sliceOf(vni), (channel, epoch) -> ManagerChannelGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .putVniPlacement(PutVniPlacementRequest.newBuilder().setVni(vni.value()).setPlacement(placement)
                        .setEpoch(epoch).build()));
    }

    /** Creates (or renames) the DLR, bound to {@code controlVms}: the only ones whose forwarding table it takes. */
    public WriteResult createDlr(DlrId dlr, String name, List<String> controlVms) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> ManagerChannelGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .createDlr(CreateDlrRequest.newBuilder().setDlrId(dlr.value()).setName(name).setEpoch(epoch)
                        .addAllControlVms(controlVms).build()));
    }

    public WriteResult putLif(DlrId dlr, Lif lif) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> ManagerChannelGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .putLif(PutLifRequest.newBuilder().setDlrId(dlr.value()).setLif(lif).setEpoch(epoch).build()));
    }

    public WriteResult deleteLogicalSwitch(Vni vni) {
        return send(Role.SWITCH_MANAGER, space.sliceOf(vni), (channel, epoch) -> stub(channel)
                .deleteLogicalSwitch(DeleteLogicalSwitchRequest.newBuilder().setVni(vni.value()).setEpoch(epoch).build()));
    }

    public WriteResult deleteDlr(DlrId dlr) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> stub(channel)
                .deleteDlr(DeleteDlrRequest.newBuilder().setDlrId(dlr.value()).setEpoch(epoch).build()));
    }

    public WriteResult deleteLif(DlrId dlr, String lifId) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> stub(channel)
                .deleteLif(DeleteLifRequest.newBuilder().setDlrId(dlr.value()).setLifId(lifId).setEpoch(epoch).build()));
    }

    public WriteResult putBridge(DlrId dlr, Bridge bridge) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> stub(channel)
                .putBridge(PutBridgeRequest.newBuilder().setDlrId(dlr.value()).setBridge(bridge).setEpoch(epoch).build()));
    }

    public WriteResult deleteBridge(DlrId dlr, String bridgeId) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> stub(channel)
                .deleteBridge(DeleteBridgeRequest.newBuilder().setDlrId(dlr.value()).setBridgeId(bridgeId)
                        .setEpoch(epoch).build()));
    }

    private static ManagerChannelGrpc.ManagerChannelBlockingStub stub(Channel channel) {
        return ManagerChannelGrpc.newBlockingStub(channel).withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** What a control VM does: its computed forwarding table to the DLR's owner. */
    public WriteResult pushForwardingTable(DlrId dlr, String controlVm, List<Route> routes) {
        return send(Role.LOGICAL_MANAGER, space.sliceOf(dlr), (channel, epoch) -> ControlVmChannelGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .pushForwardingTable(ForwardingTable.newBuilder().setDlrId(dlr.value()).setControlVm(controlVm)
                        .addAllRoutes(routes).setEpoch(epoch).build()));
    }

    /** Any write to the owner of {@code slice}: the call gets the owner's channel and the epoch to carry. */
    public WriteResult send(Role role, int slice, BiFunction<Channel, Long, WriteResult> call) {
        long end = System.nanoTime() + deadline.toNanos();
        WriteResult last = null;
        while (System.nanoTime() < end) {
            Optional<SliceAssignment> known = known(role);
            Optional<ControllerId> owner = known.flatMap(assignment -> assignment.ownerOf(slice));
            if (owner.isEmpty()) {
                refresh();
                LockSupport.parkNanos(BACKOFF_NANOS);
                continue;
            }
            String address = known.get().addressOf(owner.get()).orElseThrow();
            try {
                last = call.apply(channels.channel(address), known.get().epoch());
            } catch (StatusRuntimeException e) {
                LOG.debug("write to {} at {} failed: {}", owner.get(), address, e.getStatus());
                forget(role);
                LockSupport.parkNanos(BACKOFF_NANOS);
                continue;
            }
            switch (last.getOutcomeCase()) {
                case APPLIED -> {
                    return last;
                }
                case REDIRECT -> {
                    if (!learn(last.getRedirect().getAssignment())) {
                        // The redirecting node knows no newer assignment than we do: wait for one.
                        LockSupport.parkNanos(BACKOFF_NANOS);
                    }
                }
                case REFUSED -> {
                    switch (last.getRefused().getReason()) {
                        case INVALID, NOT_FOUND, NOT_PERMITTED -> {
                            return last;
                        }
                        default -> {
                            if (last.getRefused().hasAssignment()) {
                                learn(last.getRefused().getAssignment());
                            }
                            LockSupport.parkNanos(BACKOFF_NANOS);
                        }
                    }
                }
                case OUTCOME_NOT_SET -> throw new IllegalStateException("a controller answered a write with nothing");
            }
        }
        throw new IllegalStateException("no controller applied the write within " + deadline
                + (last == null ? "" : "; last answer: " + last));
    }

    private synchronized Optional<SliceAssignment> known(Role role) {
        return Optional.ofNullable(assignments.get(role));
    }

    private synchronized void forget(Role role) {
        assignments.remove(role);
    }

    private synchronized boolean learn(org.netweave.proto.controller.v1.SliceAssignment proto) {
        SliceAssignment assignment = AssignmentCodec.fromProto(proto);
        SliceAssignment known = assignments.get(assignment.role());
        if (known == null || known.epoch() < assignment.epoch()) {
            assignments.put(assignment.role(), assignment);
            return true;
        }
        return false;
    }

    /** Asks the next controller of the list for the current assignments. */
    private void refresh() {
        String address;
        synchronized (this) {
            address = controllers.get(nextController++ % controllers.size());
        }
        try {
            Assignments all = ManagerChannelGrpc.newBlockingStub(channels.channel(address))
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .getAssignments(GetAssignmentsRequest.getDefaultInstance());
            all.getAssignmentsList().forEach(assignment -> {
                if (assignment.getSliceOwnerCount() > 0) {
                    learn(assignment);
                }
            });
        } catch (StatusRuntimeException e) {
            LOG.debug("controller {} did not answer GetAssignments: {}", address, e.getStatus());
        }
    }
}
