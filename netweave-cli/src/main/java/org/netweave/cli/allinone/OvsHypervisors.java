package org.netweave.cli.allinone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.hostagent.HostAgent;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.ovs.NamespaceLab;
import org.netweave.ovs.OvsDatapath;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's hypervisors on real Open vSwitch ({@code netweave run --datapath ovs}): each prepared
 * host is a network namespace with its own ovsdb-server and ovs-vswitchd, laid out as a Neutron
 * DVR compute node ({@link OvsDatapath}), with a host agent that follows the manager over gRPC as
 * on the emulated backend. Guests are namespaces on veths, the seed's physical server hangs off a
 * top-of-rack switch on VLAN 100, and the VTEPs of both clusters meet on one underlay
 * ({@link NamespaceLab}). Everything is named after this process and removed on close.
 */
public final class OvsHypervisors implements LabHypervisors {
    private static final Logger LOG = LoggerFactory.getLogger(OvsHypervisors.class);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern REPLY = Pattern.compile("ttl=(\\d+) time=([0-9.]+) ms");

    private final Ipv4Prefix underlay;
    private final Path dir;
    private final Map<HostId, OvsHypervisor> hosts = new LinkedHashMap<>();
    private final LabAgents agents = new LabAgents();
    private NamespaceLab lab;

    /** One host of the lab on Open vSwitch: its datapath and its agent. */
    public record OvsHypervisor(LabHost host, OvsDatapath datapath, HostAgent agent) {
    }

    OvsHypervisors(AllInOneSettings settings) {
        this.underlay = new Ipv4Prefix(settings.vtepBase(), 16);
        this.dir = settings.dataDir().resolve("ovs");
    }

    /** Why this machine cannot run the ovs backend, or null if it can. */
    public static String whyUnavailable() {
        return NamespaceLab.whyUnavailable();
    }

    @Override
    public synchronized void start(List<LabHost> prepared, int southboundPort, Function<HostId, TransportSecurity> security, int vxlanPort) {
        lab = NamespaceLab.create("nw" + ProcessHandle.current().pid() + "-", dir);
        agents.connect(southboundPort, security);
        for (LabHost host : prepared) {
            OvsDatapath datapath = lab.addHypervisor(host.name(), host.datapathConfig(vxlanPort), underlay);
            HostAgent agent = agents.start(host.id(), datapath);
            hosts.put(host.id(), new OvsHypervisor(host, datapath, agent));
            LOG.info("{} ({}) up on Open vSwitch in namespace {}: VTEP {}:{}, DVR MAC {}", host.id(), host.name(),
                    lab.hypervisorNamespace(host.name()), host.vtep(), vxlanPort, host.routerMac());
        }
        lab.learnUnderlayNeighbours();
    }

    @Override
    public Optional<DatapathTables> tables(HostId host) {
        OvsHypervisor h;
        synchronized (this) {
            h = hosts.get(host);
        }
        return Optional.ofNullable(h).map(x -> x.datapath().tables());
    }

    /** Host {@code id}, whose switch, namespaces and agent tests look into. */
    public synchronized OvsHypervisor hypervisor(HostId id) {
        OvsHypervisor h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no host " + id + " in the ovs lab");
        }
        return h;
    }

    /** The namespaces of the lab: where tests plug guests of their own and run commands. */
    public synchronized NamespaceLab namespaces() {
        if (lab == null) {
            throw new IllegalStateException("the ovs lab has not started");
        }
        return lab;
    }

    @Override
    public synchronized Optional<EmulatedEndpoint> plugPhysicalServer(String name, MacAddress mac,
                                                                      Ipv4InterfaceAddress address, Ipv4Address gateway,
                                                                      VlanId vlan) {
        lab.addVlanServer(name, mac, address, gateway, vlan.value());
        return Optional.empty();
    }

    @Override
    public GuestMachine guest(GuestSpec spec) {
        return new NamespaceGuest(spec);
    }

    private String hypervisorName(HostId host) {
        return hypervisor(host).host().name();
    }

    /** A VM namespace on a veth into its host's namespace, where the host's datapath attaches the other end. */
    private final class NamespaceGuest implements GuestMachine {
        private final GuestSpec spec;
        private final String name;

        NamespaceGuest(GuestSpec spec) {
            this.spec = spec;
            this.name = spec.vm().value() + "-" + spec.vnic();
        }

        @Override
        public void start(HostId host) {
            lab.addGuest(name, hypervisorName(host), spec.port(), spec.mac(), spec.network().address(),
                    spec.network().gateway());
        }

        @Override
        public void move(HostId from, HostId to) {
            lab.moveGuest(spec.port(), hypervisorName(from), hypervisorName(to));
        }

        @Override
        public void stop(HostId host) {
            lab.removeGuest(name);
        }

        @Override
        public PingResult ping(Ipv4Address target, int count, Duration interval, Duration timeout) {
            return parsePing(target, lab.ping(name, target, count, interval, timeout));
        }
    }

    /** iputils' {@code ping} output as a {@link PingResult}; ICMP errors are not parsed. */
    static PingResult parsePing(Ipv4Address target, String output) {
        Matcher summary = SUMMARY.matcher(output);
        int sent = 0;
        int received = 0;
        if (summary.find()) {
            sent = Integer.parseInt(summary.group(1));
            received = Integer.parseInt(summary.group(2));
        }
        List<Long> rtts = new ArrayList<>();
        int ttl = -1;
        Matcher reply = REPLY.matcher(output);
        while (reply.find()) {
            ttl = Integer.parseInt(reply.group(1));
            rtts.add((long) (Double.parseDouble(reply.group(2)) * 1_000_000));
        }
        return new PingResult(target, sent, received, rtts, ttl, List.of());
    }

    @Override
    public synchronized void close() {
        agents.close(hosts.values().stream().map(OvsHypervisor::agent).toList());
        if (lab != null) {
            lab.close();
        }
        hosts.clear();
    }
}
