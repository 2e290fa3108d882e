package org.netweave.controller.grpc;

import static org.netweave.controller.grpc.Replies.reply;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.netweave.controller.owner.OwnerService;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.PeerIdentity;
import org.netweave.proto.controller.v1.ControlVmChannelGrpc;
import org.netweave.proto.controller.v1.ForwardingTable;
import org.netweave.proto.controller.v1.WriteResult;

/** The control-VM channel: a DLR's forwarding table goes to the DLR's owning node only. */
public final class ControlVmChannelService extends ControlVmChannelGrpc.ControlVmChannelImplBase {
    private final OwnerService owner;

    public ControlVmChannelService(OwnerService owner) {
        this.owner = owner;
    }

    @Override
    public void pushForwardingTable(ForwardingTable table, StreamObserver<WriteResult> responses) {
        try {
            // A control VM pushes as itself: the table names the VM its certificate names.
            PeerIdentity.requireNamed(ComponentKind.CONTROL_VM, table.getControlVm());
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        }
        reply(owner.managerWrites().pushForwardingTable(table), responses);
    }
}
