package org.netweave.hostagent;

import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc.NeutronAgentChannelBlockingStub;

/** The agents' calls to the Neutron server, each with its own deadline. */
record NeutronCalls(Channel manager) {
    private static final long DEADLINE_MS = 5_000;

    NeutronAgentChannelBlockingStub stub() {
        return NeutronAgentChannelGrpc.newBlockingStub(manager).withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
    }
}
