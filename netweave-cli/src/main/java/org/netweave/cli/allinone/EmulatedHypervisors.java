package org.netweave.cli.allinone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.EmulatedPhysicalSwitch;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.hostagent.HostAgent;
import org.netweave.model.EndpointId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VlanId;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's hypervisors and the physical network they share: an emulated datapath per prepared
 * host, built from the VTEP and router MAC that host preparation gave it, with a host agent that
 * follows the manager's configuration of the host over gRPC; and a top-of-rack switch with a
 * trunk to every host's uplink, where VLAN-side physical servers plug in (seed 004).
 *
 * <p>It is also where the manager's host views read a host's tables ({@link org.netweave.manager.hosttables.HostTablesSource}).
 */
public final class EmulatedHypervisors implements LabHypervisors {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatedHypervisors.class);

    private final Map<HostId, Hypervisor> hosts = new LinkedHashMap<>();
    private final LabAgents agents = new LabAgents();
    private final EmulatedPhysicalSwitch tor;

    EmulatedHypervisors(AllInOneSettings settings) {
        tor = new EmulatedPhysicalSwitch("tor", settings.vtepAddress(0, 254));
    }

    @Override
    public synchronized void start(List<LabHost> prepared, int southboundPort, Function<HostId, TransportSecurity> security, int vxlanPort) {
        agents.connect(southboundPort, security);
        for (LabHost host : prepared) {
            EmulatedHost datapath = new EmulatedHost(host.datapathConfig(vxlanPort));
            HostAgent agent;
            try {
                datapath.connectUplink(tor.address());
                tor.addTrunk(datapath.uplinkAddress());
                agent = agents.start(host.id(), datapath);
            } catch (RuntimeException e) {
                datapath.close();
                throw e;
            }
            hosts.put(host.id(), new Hypervisor(host, datapath, agent));
            LOG.info("{} ({}) up: VTEP {}:{}, router MAC {}", host.id(), host.name(), host.vtep(), vxlanPort, host.routerMac());
        }
    }

    /**
     * Restarts {@code host}'s agent as a host does after a crash of netcpa: the datapath keeps
     * forwarding with what it holds, and the new agent resyncs fully into it.
     */
    public synchronized HostAgent restartAgent(HostId host) {
        Hypervisor hypervisor = hypervisor(host);
        hypervisor.agent().close();
        HostAgent next = agents.start(host, hypervisor.datapath());
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

    @Override
    public Optional<EmulatedEndpoint> plugPhysicalServer(String name, MacAddress mac, Ipv4InterfaceAddress address,
                                                         Ipv4Address gateway, VlanId vlan) {
        EmulatedEndpoint server = new EmulatedEndpoint(EndpointId.of(name), mac, address, gateway);
        tor.plug(server, vlan);
        return Optional.of(server);
    }

    @Override
    public GuestMachine guest(GuestSpec spec) {
        return new EmulatedGuest(spec.port(), new EmulatedEndpoint(EndpointId.of(spec.vm().value() + "-" + spec.vnic()),
                spec.mac(), spec.network().address(), spec.network().gateway()));
    }

    /** An emulated endpoint in the vNIC's port; its pings run on the forwarding thread of its host. */
    private final class EmulatedGuest implements GuestMachine {
        private final PortId port;
        private final EmulatedEndpoint endpoint;

        EmulatedGuest(PortId port, EmulatedEndpoint endpoint) {
            this.port = port;
            this.endpoint = endpoint;
        }

        @Override
        public void start(HostId host) {
            hypervisor(host).datapath().plug(port, endpoint);
        }

        @Override
        public void move(HostId from, HostId to) {
            hypervisor(from).datapath().unplug(port);
            hypervisor(to).datapath().plug(port, endpoint);
        }

        @Override
        public void stop(HostId host) {
            hypervisor(host).datapath().unplug(port);
        }

        @Override
        public PingResult ping(Ipv4Address target, int count, Duration interval, Duration timeout)
                throws InterruptedException {
            long wait = interval.toMillis() * count + timeout.toMillis() + 5_000;
            try {
                return endpoint.ping(target, count, interval.toMillis(), timeout.toMillis()).get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the ping from " + endpoint.id() + " did not finish: " + e.getMessage(), e);
            }
        }
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
        List<Hypervisor> all = new ArrayList<>(hosts.values());
        agents.close(all.stream().map(Hypervisor::agent).toList());
        all.forEach(h -> h.datapath().close());
        tor.close();
        hosts.clear();
    }
}
