package org.netweave.controller.grpc;

import io.grpc.stub.StreamObserver;
import org.netweave.controller.owner.OwnerService;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.HostChannelGrpc;
import org.netweave.proto.controller.v1.HostMessage;

/** The host channel: hands each host stream to the node's owner side. */
public final class HostChannelService extends HostChannelGrpc.HostChannelImplBase {
    private final OwnerService owner;

    public HostChannelService(OwnerService owner) {
        this.owner = owner;
    }

    @Override
    public StreamObserver<HostMessage> connect(StreamObserver<ControllerMessage> responses) {
        return owner.openHostStream(responses);
    }
}
