package org.netweave.controller.grpc;

import static org.netweave.controller.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import org.netweave.controller.owner.OwnerService;
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
        reply(owner.managerWrites().pushForwardingTable(table), responses);
    }
}
