package org.netweave.manager.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.model.HostId;

/** One host agent per host, each following its configuration from the manager over real gRPC. */
public final class HostAgents implements AutoCloseable {
    private final ManagedChannel manager;
    private final ControllerChannels controllers = new ControllerChannels();
    private final List<HostConfigFollower> agents = new ArrayList<>();

    public HostAgents(int managerPort, List<String> hosts) {
        manager = NettyChannelBuilder.forAddress("127.0.0.1", managerPort).usePlaintext().build();
        for (String host : hosts) {
            HostConfigFollower agent = new HostConfigFollower(HostId.of(host), manager, controllers, SliceSpace.DEFAULT);
            agent.start();
            agents.add(agent);
        }
    }

    public HostConfigFollower agent(String host) {
        return agents.stream().filter(agent -> agent.view().host().value().equals(host)).findFirst().orElseThrow();
    }

    public List<HostConfigFollower> all() {
        return List.copyOf(agents);
    }

    @Override
    public void close() throws InterruptedException {
        agents.forEach(HostConfigFollower::close);
        controllers.close();
        manager.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
