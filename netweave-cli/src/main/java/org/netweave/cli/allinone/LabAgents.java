package org.netweave.cli.allinone;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.Datapath;
import org.netweave.hostagent.HostAgent;
import org.netweave.model.HostId;

/**
 * What the lab's host agents share, whichever the backend: one channel to the manager's
 * southbound port and the channels to the controllers.
 */
final class LabAgents {
    private final ControllerChannels controllers = new ControllerChannels();
    private ManagedChannel manager;

    void connect(int southboundPort) {
        manager = NettyChannelBuilder.forAddress("127.0.0.1", southboundPort).usePlaintext().build();
    }

    /** A started agent for {@code host}'s datapath. */
    HostAgent start(HostId host, Datapath datapath) {
        HostAgent agent = new HostAgent(host, manager, controllers, SliceSpace.DEFAULT, datapath);
        agent.start();
        return agent;
    }

    /** Closes {@code agents}, then the channels; before the datapaths close, so no agent applies a change to a closing one. */
    void close(Collection<HostAgent> agents) {
        agents.forEach(HostAgent::close);
        if (manager != null) {
            manager.shutdownNow();
            try {
                manager.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        controllers.close();
    }
}
