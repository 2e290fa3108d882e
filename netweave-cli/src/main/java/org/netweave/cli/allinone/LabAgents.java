package org.netweave.cli.allinone;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.Datapath;
import org.netweave.hostagent.HostAgent;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;

/**
 * The channels of the lab's host agents, whichever the backend: each host its own, to the
 * manager's southbound port and to the controllers, with its own certificate — as separate
 * hypervisors would, so a controller knows each host by its certificate.
 */
final class LabAgents {
    private record Channels(ManagedChannel manager, ControllerChannels controllers) {
    }

    private final Map<HostId, Channels> channels = new ConcurrentHashMap<>();
    private int southboundPort;
    private Function<HostId, TransportSecurity> security;

    void connect(int southboundPort, Function<HostId, TransportSecurity> security) {
        this.southboundPort = southboundPort;
        this.security = security;
    }

    /** A started agent for {@code host}'s datapath. */
    HostAgent start(HostId host, Datapath datapath) {
        Channels own = channels.computeIfAbsent(host, h -> {
            TransportSecurity transport = security.apply(h);
            return new Channels(Grpc.newChannelBuilderForAddress("127.0.0.1", southboundPort,
                    transport.channelCredentials(ComponentKind.MANAGER)).build(), new ControllerChannels(transport));
        });
        HostAgent agent = new HostAgent(host, own.manager(), own.controllers(), SliceSpace.DEFAULT, datapath);
        agent.start();
        return agent;
    }

    /** Closes {@code agents}, then the channels; before the datapaths close, so no agent applies a change to a closing one. */
    void close(Collection<HostAgent> agents) {
        agents.forEach(HostAgent::close);
        for (Channels closing : channels.values()) {
            closing.manager().shutdownNow();
            closing.controllers().close();
        }
        for (Channels closing : channels.values()) {
            try {
                closing.manager().awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channels.clear();
    }
}
