package org.netweave.controller.owner;

import java.util.concurrent.CompletableFuture;

import org.netweave.controller.runtime.DlrRuntime;
import org.netweave.controller.runtime.LogicalSwitchRuntime;
import org.netweave.controller.slice.Role;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.ControllerNode;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.ObjectRef;
import org.netweave.proto.controller.v1.Ownership;
import org.netweave.proto.controller.v1.VniTablesView;

/**
 * The read-only operator views a node serves from its own runtime tables ({@code ShowVniTables},
 * {@code ShowDlrTables}). They are read on the owner thread, so a view shows the tables between
 * two changes, never halfway through one.
 *
 * <p>A node answers whether or not it owns the object, as an NSX controller answers
 * {@code show control-cluster logical-switches mac-table <vni>} from whichever node you run it
 * on: a node that does not act for the slice holds no tables for it, so its answer is empty, and
 * it names the owner by the newest assignment it has seen so the caller can ask there.
 */
public final class TableViews {
    private final OwnerService owner;

    public TableViews(OwnerService owner) {
        this.owner = owner;
    }

    public CompletableFuture<VniTablesView> vni(Vni vni) {
        return owner.submit(() -> {
            Ownership ownership = ownership(Role.SWITCH_MANAGER, owner.space.sliceOf(vni),
                    ObjectRef.newBuilder().setVni(vni.value()).build());
            VniTablesView.Builder view = VniTablesView.newBuilder().setOwnership(ownership);
            owner.tables.logicalSwitch(vni).ifPresent(ls -> fill(view, ls));
            return view.build();
        });
    }

    public CompletableFuture<DlrTablesView> dlr(DlrId dlr) {
        return owner.submit(() -> {
            Ownership ownership = ownership(Role.LOGICAL_MANAGER, owner.space.sliceOf(dlr),
                    ObjectRef.newBuilder().setDlrId(dlr.value()).build());
            DlrTablesView.Builder view = DlrTablesView.newBuilder().setOwnership(ownership);
            owner.tables.dlr(dlr).ifPresent(runtime -> fill(view, runtime));
            return view.build();
        });
    }

    /**
     * Whether this node serves the slice now, by the same check a write goes through (an epoch no
     * request can be older than), so a view never claims an ownership a write would be refused.
     */
    private Ownership ownership(Role role, int slice, ObjectRef object) {
        Ownership.Builder ownership = Ownership.newBuilder().setNodeId(owner.node.value()).setEpoch(owner.epoch(role));
        ControllerMessage refusal = owner.notServing(role, slice, Long.MAX_VALUE, object);
        if (refusal == null) {
            String address = owner.acting(role).assignment().addressOf(owner.node).orElse("");
            return ownership.setOwner(true)
                    .setOwnerNode(ControllerNode.newBuilder().setNodeId(owner.node.value()).setAddress(address)).build();
        }
        if (refusal.hasRedirect()) {
            return ownership.setOwnerNode(refusal.getRedirect().getOwner())
                    .setDetail(owner.node + " does not own it; " + refusal.getRedirect().getOwner().getNodeId()
                            + " does").build();
        }
        return ownership.setDetail(refusal.getRefused().getDetail()).build();
    }

    private static void fill(VniTablesView.Builder view, LogicalSwitchRuntime ls) {
        view.setPresent(true).setName(ls.settings().name()).setArpProxy(ls.settings().arpProxy())
                .setReplicationMode(WireTranslation.toWire(ls.settings().replication()));
        var tables = ls.snapshot();
        tables.vteps().forEach(r -> view.addVtepsBuilder().setIp(r.ip().value())
                .setSegment(WireTranslation.prefix(r.segment())).setMac(r.mac().value())
                .setConnectionId(r.connection().value()));
        tables.macs().forEach(r -> view.addMacsBuilder().setMac(r.mac().value()).setVtepIp(r.vtepIp().value())
                .setConnectionId(r.connection().value()));
        tables.arps().forEach(r -> view.addArpsBuilder().setIp(r.ip().value()).setMac(r.mac().value())
                .setConnectionId(r.connection().value()));
        ls.joinedConnections().forEach(c -> view.addConnectionsBuilder().setHostIp(c.hostIp().value())
                .setPort(c.port()).setId(c.id().value()).setHostId(c.host().value()));
    }

    private static void fill(DlrTablesView.Builder view, DlrRuntime dlr) {
        var state = dlr.state();
        view.setPresent(true).setName(dlr.name());
        state.lifs().forEach(lif -> view.addLifs(WireTranslation.toWire(lif)));
        state.routes().forEach(route -> view.addRoutes(WireTranslation.toWire(route)));
        state.bridges().forEach(bridge -> view.addBridges(WireTranslation.toWire(bridge)));
        dlr.joinedHosts().forEach(host -> view.addJoinedHosts(host.value()));
        dlr.controlVm().ifPresent(vm -> view.setControlVm(vm.value()));
    }
}
