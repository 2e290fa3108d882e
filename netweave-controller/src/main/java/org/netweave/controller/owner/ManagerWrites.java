package org.netweave.controller.owner;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.netweave.controller.runtime.ControlVmId;
import org.netweave.controller.runtime.DlrRuntime;
import org.netweave.controller.runtime.LogicalSwitchRuntime;
import org.netweave.controller.runtime.RuntimeTables;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.Role;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.LifId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Applied;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.CreateDlrRequest;
import org.netweave.proto.controller.v1.CreateLogicalSwitchRequest;
import org.netweave.proto.controller.v1.DeleteBridgeRequest;
import org.netweave.proto.controller.v1.DeleteDlrRequest;
import org.netweave.proto.controller.v1.DeleteLifRequest;
import org.netweave.proto.controller.v1.DeleteLogicalSwitchRequest;
import org.netweave.proto.controller.v1.DlrRecord;
import org.netweave.proto.controller.v1.ForwardingTable;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;
import org.netweave.proto.controller.v1.ObjectRef;
import org.netweave.proto.controller.v1.PutBridgeRequest;
import org.netweave.proto.controller.v1.PutLifRequest;
import org.netweave.proto.controller.v1.PutVniPlacementRequest;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.WriteResult;

/**
 * Writes of desired state from the manager and the control VMs. Each runs on the owner thread:
 * check that this node serves the object at the caller's epoch, apply it to the runtime tables
 * (which validate it), persist it fenced, then push the new state to the joined hosts.
 */
public final class ManagerWrites {
    private final OwnerService owner;

    ManagerWrites(OwnerService owner) {
        this.owner = owner;
    }

    /** One write against one object: its role, slice, and what to do once it is known to be served here. */
    private interface Write {
        void apply() throws Exception;
    }

    private CompletableFuture<WriteResult> write(Role role, Object object, long epoch, Write write) {
        return owner.submit(() -> {
            int slice = object instanceof Vni vni ? owner.space.sliceOf(vni) : owner.space.sliceOf((DlrId) object);
            ObjectRef ref = object instanceof Vni vni
                    ? ObjectRef.newBuilder().setVni(vni.value()).build()
                    : ObjectRef.newBuilder().setDlrId(object.toString()).build();
            ControllerMessage refusal = owner.notServing(role, slice, epoch, ref);
            if (refusal != null) {
                return refusal.hasRedirect()
                        ? WriteResult.newBuilder().setRedirect(refusal.getRedirect()).build()
                        : WriteResult.newBuilder().setRefused(refusal.getRefused()).build();
            }
            try {
                write.apply();
            } catch (InvalidValueException e) {
                return refused(Refused.Reason.INVALID, e.getMessage(), role);
            } catch (NotFound e) {
                return refused(Refused.Reason.NOT_FOUND, e.getMessage(), role);
            } catch (NotPermitted e) {
                return refused(Refused.Reason.NOT_PERMITTED, e.getMessage(), role);
            } catch (ObjectStore.FencedOut e) {
                owner.lostFence(role, object);
                return refused(Refused.Reason.STALE_EPOCH, e.getMessage(), role);
            } catch (Exception e) {
                // The runtime may hold a change that never reached the store: drop it and reload.
                owner.lostFence(role, object);
                return refused(Refused.Reason.NO_MAJORITY, "the store is unreachable: " + e.getMessage(), role);
            }
            return WriteResult.newBuilder().setApplied(Applied.newBuilder().setEpoch(owner.epoch(role))
                    .setNodeId(owner.node.value())).build();
        });
    }

    private WriteResult refused(Refused.Reason reason, String detail, Role role) {
        return WriteResult.newBuilder().setRefused(owner.refused(reason, detail, role).getRefused()).build();
    }

    private static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    private static final class NotPermitted extends Exception {
        NotPermitted(String message) {
            super(message);
        }
    }

    private int version(Role role) {
        return owner.acting(role).zkVersion();
    }

    // ---- logical switches ----

    public CompletableFuture<WriteResult> createLogicalSwitch(CreateLogicalSwitchRequest request) {
        Vni vni = Vni.of(request.getVni());
        return write(Role.SWITCH_MANAGER, vni, request.getEpoch(), () -> {
            // A changed name or mode keeps the placement the switch had.
            VniPlacement placement = owner.tables.logicalSwitch(vni).map(LogicalSwitchRuntime::placement)
                    .orElse(VniPlacement.NONE);
            var settings = WireTranslation.settings(LogicalSwitchRecord.newBuilder().setVni(request.getVni())
                    .setName(request.getName()).setReplicationMode(request.getReplicationMode())
                    .setArpProxy(request.getArpProxy()).build());
            owner.store.putSwitch(WireTranslation.record(settings, placement), version(Role.SWITCH_MANAGER));
            owner.tables.putLogicalSwitch(settings).place(placement);
        });
    }

    /** The manager's placement on a VNI; the joined hosts' claims are admitted again under it. */
    public CompletableFuture<WriteResult> putVniPlacement(PutVniPlacementRequest request) {
        Vni vni = Vni.of(request.getVni());
        return write(Role.SWITCH_MANAGER, vni, request.getEpoch(), () -> {
            LogicalSwitchRuntime ls = owner.tables.logicalSwitch(vni)
                    .orElseThrow(() -> new NotFound("vni " + vni + " is not a logical switch"));
            VniPlacement placement = WireTranslation.placement(request.getPlacement());
            if (placement.equals(ls.placement())) {
                return;
            }
            owner.store.putSwitch(WireTranslation.record(ls.settings(), placement), version(Role.SWITCH_MANAGER));
            ls.place(placement);
            owner.claims.placementChanged(ls);
        });
    }

    public CompletableFuture<WriteResult> deleteLogicalSwitch(DeleteLogicalSwitchRequest request) {
        Vni vni = Vni.of(request.getVni());
        return write(Role.SWITCH_MANAGER, vni, request.getEpoch(), () -> {
            owner.store.deleteSwitch(vni, version(Role.SWITCH_MANAGER));
            owner.tables.deleteLogicalSwitch(vni);
            owner.streams.values().forEach(stream -> stream.forgetVnis(List.of(vni)));
        });
    }

    // ---- DLRs ----

    public CompletableFuture<WriteResult> createDlr(CreateDlrRequest request) {
        DlrId id = DlrId.of(request.getDlrId());
        return write(Role.LOGICAL_MANAGER, id, request.getEpoch(), () -> {
            DlrRuntime dlr = owner.tables.putDlr(id, request.getName());
            dlr.bindControlVms(request.getControlVmsList().stream().map(ControlVmId::of).toList());
            persist(dlr);
        });
    }

    public CompletableFuture<WriteResult> deleteDlr(DeleteDlrRequest request) {
        DlrId id = DlrId.of(request.getDlrId());
        return write(Role.LOGICAL_MANAGER, id, request.getEpoch(), () -> {
            owner.store.deleteDlr(id, version(Role.LOGICAL_MANAGER));
            owner.tables.deleteDlr(id);
            owner.streams.values().forEach(stream -> stream.dlrs.remove(id));
        });
    }

    public CompletableFuture<WriteResult> putLif(PutLifRequest request) {
        return dlrWrite(request.getDlrId(), request.getEpoch(), dlr -> dlr.putLif(WireTranslation.lif(request.getLif())));
    }

    public CompletableFuture<WriteResult> deleteLif(DeleteLifRequest request) {
        return dlrWrite(request.getDlrId(), request.getEpoch(), dlr -> dlr.deleteLif(LifId.of(request.getLifId())));
    }

    public CompletableFuture<WriteResult> putBridge(PutBridgeRequest request) {
        return dlrWrite(request.getDlrId(), request.getEpoch(), dlr -> dlr.putBridge(WireTranslation.bridge(request.getBridge())));
    }

    public CompletableFuture<WriteResult> deleteBridge(DeleteBridgeRequest request) {
        return dlrWrite(request.getDlrId(), request.getEpoch(), dlr -> dlr.deleteBridge(BridgeId.of(request.getBridgeId())));
    }

    /** The control VM's forwarding table; accepted from the DLR's owner only, as in NSX-V. */
    /**
     * Takes a control VM's forwarding table for its own DLR only: a control VM the certificate
     * check let through (it pushes under its own name) still cannot replace another DLR's routes.
     */
    public CompletableFuture<WriteResult> pushForwardingTable(ForwardingTable table) {
        ControlVmId vm = ControlVmId.of(table.getControlVm());
        return dlrWrite(table.getDlrId(), table.getEpoch(), dlr -> {
            if (!dlr.controlVms().contains(vm)) {
                throw new NotPermitted(vm + " is not a control VM of dlr " + dlr.id() + "; its control VMs are "
                        + dlr.controlVms().stream().map(ControlVmId::value).sorted().toList());
            }
            return dlr.replaceForwardingTable(WireTranslation.routes(table.getRoutesList()), vm);
        });
    }

    private interface DlrChange {
        boolean apply(DlrRuntime dlr) throws NotPermitted;
    }

    private CompletableFuture<WriteResult> dlrWrite(String dlrId, long epoch, DlrChange change) {
        DlrId id = DlrId.of(dlrId);
        return write(Role.LOGICAL_MANAGER, id, epoch, () -> {
            DlrRuntime dlr = owner.tables.dlr(id).orElseThrow(() -> new NotFound("dlr " + id + " does not exist"));
            if (change.apply(dlr)) {
                persist(dlr);
                owner.pushDlrState(dlr);
            }
        });
    }

    private void persist(DlrRuntime dlr) throws Exception {
        var state = dlr.state();
        DlrRecord.Builder record = DlrRecord.newBuilder().setDlrId(dlr.id().value()).setName(dlr.name());
        state.lifs().forEach(lif -> record.addLifs(WireTranslation.toWire(lif)));
        state.bridges().forEach(bridge -> record.addBridges(WireTranslation.toWire(bridge)));
        state.forwardingTable().forEach(route -> record.addForwardingTable(WireTranslation.toWire(route)));
        dlr.controlVm().ifPresent(vm -> record.setControlVm(vm.value()));
        dlr.controlVms().forEach(vm -> record.addControlVms(vm.value()));
        owner.store.putDlr(record.build(), version(Role.LOGICAL_MANAGER));
    }

    /** Rebuilds a DLR's runtime from its stored record when this node gains its slice. */
    static void restore(RuntimeTables tables, DlrRecord record) {
        DlrRuntime dlr = tables.putDlr(DlrId.of(record.getDlrId()), record.getName());
        dlr.bindControlVms(record.getControlVmsList().stream().map(ControlVmId::of).toList());
        record.getLifsList().forEach(lif -> dlr.putLif(WireTranslation.lif(lif)));
        record.getBridgesList().forEach(bridge -> dlr.putBridge(WireTranslation.bridge(bridge)));
        if (!record.getControlVm().isEmpty()) {
            dlr.replaceForwardingTable(WireTranslation.routes(record.getForwardingTableList()),
                    ControlVmId.of(record.getControlVm()));
        }
    }
}
