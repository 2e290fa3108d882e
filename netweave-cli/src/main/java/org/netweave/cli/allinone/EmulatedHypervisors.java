package org.netweave.cli.allinone;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.EmulatedPhysicalSwitch;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.hostagent.HostAgent;
import org.netweave.manager.hosttables.HostTablesSource;
import org.netweave.model.HostId;
import org.netweave.model.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's hypervisors and the physical network they share: an emulated datapath per prepared
 * host, built from the VTEP and router MAC that host preparation gave it, with a host agent that
 * follows the manager's configuration of the host over gRPC; and a top-of-rack switch with a
 * trunk to every host's uplink, where VLAN-side physical servers plug in (seed 004).
 *
 * <p>It is also where the manager's host views read a host's tables ({@link HostTablesSource}).
 */
public final class EmulatedHypervisors implements HostTablesSource, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatedHypervisors.class);

    private final Map<HostId, Hypervisor> hosts = new LinkedHashMap<>();
    private final ControllerChannels controllers = new ControllerChannels();
    private final EmulatedPhysicalSwitch tor;
    private ManagedChannel manager;

    EmulatedHypervisors(AllInOneSettings settings) {
        tor = new EmulatedPhysicalSwitch("tor", settings.vtepAddress(0, 254));
    }

    /** Starts a datapath and an agent for every host; the agents connect to the manager's southbound port. */
    synchronized void start(List<LabHost> prepared, int southboundPort, int vxlanPort) {
        manager = NettyChannelBuilder.forAddress("127.0.0.1", southboundPort).usePlaintext().build();
        for (LabHost host : prepared) {
            EmulatedHost datapath = new EmulatedHost(new HostDatapathConfig(host.id(), host.vtep(), host.vtepSegment(),
                    MacAddress.of(EmulatedUnderlay.vtepMac(host.vtep().value())), host.routerMac(), vxlanPort));
            HostAgent agent;
            try {
                datapath.connectUplink(tor.address());
                tor.addTrunk(datapath.uplinkAddress());
                agent = newAgent(host.id(), datapath);
            } catch (RuntimeException e) {
                datapath.close();
                throw e;
            }
            hosts.put(host.id(), new Hypervisor(host, datapath, agent));
            LOG.info("{} ({}) up: VTEP {}:{}, router MAC {}", host.id(), host.name(), host.vtep(), vxlanPort, host.routerMac());
        }
    }

    private HostAgent newAgent(HostId id, EmulatedHost datapath) {
        HostAgent agent = new HostAgent(id, manager, controllers, SliceSpace.DEFAULT, datapath);
        agent.start();
        return agent;
    }

    /**
     * Restarts {@code host}'s agent as a host does after a crash of netcpa: the datapath keeps
     * forwarding with what it holds, and the new agent resyncs fully into it.
     */
    public synchronized HostAgent restartAgent(HostId host) {
        Hypervisor hypervisor = hypervisor(host);
        hypervisor.agent().close();
        HostAgent next = newAgent(host, hypervisor.datapath());
        hypervisor.replaceAgent(next);
        LOG.info("{}: host agent restarted", host);
        return next;
    }

    public synchronized Hypervisor hypervisor(HostId host) {
        Hypervisor hypervisor = hosts.get(host);
        if (hypervisor == null) {
            throw new IllegalArgumentException("no emulated host " + host);
        }
        return hypervisor;
    }

    public synchronized List<Hypervisor> all() {
        return List.copyOf(hosts.values());
    }

    public EmulatedPhysicalSwitch physicalSwitch() {
        return tor;
    }

    @Override
    public Optional<DatapathTables> tables(HostId host) {
        Hypervisor hypervisor;
        synchronized (this) {
            hypervisor = hosts.get(host);
        }
        return Optional.ofNullable(hypervisor).map(h -> h.datapath().tables());
    }

    @Override
    public synchronized void close() {
        // Agents first, so none applies a change to a datapath that is closing.
        List<Hypervisor> all = new ArrayList<>(hosts.values());
        all.forEach(h -> h.agent().close());
        if (manager != null) {
            manager.shutdownNow();
            try {
                manager.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        controllers.close();
        all.forEach(h -> h.datapath().close());
        tor.close();
        hosts.clear();
    }
}
