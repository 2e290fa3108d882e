package org.netweave.manager.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.manager.Manager;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.TransportSecurity;

/** One host agent per host, each following its configuration from the manager over real gRPC (mutual TLS). */
public final class HostAgents implements AutoCloseable {
    private final HostChannels managerChannels;
    private final List<ControllerChannels> controllerChannels = new ArrayList<>();
    private final List<HostConfigFollower> agents = new ArrayList<>();

    /** Agents of {@code manager}'s hosts, each with the certificate its authority issues the host. */
    public HostAgents(Manager manager, List<String> hosts) {
        this(manager.southboundPort(), hosts, host -> manager.transportFor(ComponentIdentity.host(host)));
    }

    public HostAgents(int managerPort, List<String> hosts, Function<HostId, TransportSecurity> security) {
        managerChannels = new HostChannels(managerPort, security);
        for (String host : hosts) {
            ControllerChannels controllers = new ControllerChannels(security.apply(HostId.of(host)));
            controllerChannels.add(controllers);
            HostConfigFollower agent = new HostConfigFollower(HostId.of(host), managerChannels.of(host), controllers,
                    SliceSpace.DEFAULT);
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
        controllerChannels.forEach(ControllerChannels::close);
        managerChannels.close();
    }
}
