package org.netweave.ovs;

import static org.netweave.ovs.Net.inNetns;
import static org.netweave.ovs.Net.must;
import static org.netweave.ovs.Net.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;

/**
 * A lab of emulated hypervisors on real Open vSwitch. Each hypervisor is a network namespace
 * running its own ovsdb-server and ovs-vswitchd (userspace {@code netdev} datapath, files in a
 * private directory); its VTEP address sits on the internal port of a {@code br-phy} bridge
 * whose uplink is a veth into an underlay namespace, where a Linux bridge {@code ul0} joins all
 * hypervisors (OVS userspace tunnelling: the VXLAN port routes through br-phy by the
 * namespace's kernel routes). VMs are namespaces with a veth: {@code eth0} inside, the
 * {@code tap<vm>} end in the hypervisor's namespace, which the datapath attaches to br-int.
 *
 * <p>Everything lives in namespaces and a directory named after this JVM's pid; {@link #close}
 * removes all of it and stops the daemons, also after a failed set-up.
 */
final class OvsLab implements AutoCloseable {
    final String prefix = "nw" + ProcessHandle.current().pid() + "-";
    final String underlay = prefix + "ul";
    private final Path dir;
    private final List<OvsInstance> instances = new ArrayList<>();
    private final List<OvsDatapath> datapaths = new ArrayList<>();
    private final List<HostDatapathConfig> configs = new ArrayList<>();
    private final Set<String> namespaces = new HashSet<>();
    private OvsSwitch topOfRack;

    OvsLab() {
        try {
            dir = Files.createTempDirectory("nw-ovs-lab");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        addNamespace(underlay);
        must(inNetns(underlay, "ip", "link", "add", "ul0", "type", "bridge"));
        must(inNetns(underlay, "ip", "link", "set", "ul0", "up"));
    }

    /**
     * The seed fixture on two hypervisors: VM namespaces, the host agent's changes and every
     * host's DVR MAC. Closes what it built if a step fails.
     */
    static OvsLab seed(List<SeedFixture.Vm> vms) {
        OvsLab lab = new OvsLab();
        try {
            for (int h = 0; h < 2; h++) {
                lab.addHypervisor(SeedFixture.config(h), h, SeedFixture.UNDERLAY.length());
            }
            lab.learnUnderlayNeighbours();
            vms.forEach(lab::addVm);
            for (int h = 0; h < 2; h++) {
                lab.host(h).apply(SeedFixture.changesFor(h, vms));
                lab.host(h).setPeerRouterMacs(Set.of(SeedFixture.dvrMac(0), SeedFixture.dvrMac(1)));
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    OvsDatapath host(int host) {
        return datapaths.get(host);
    }

    String hypervisorNamespace(int host) {
        return prefix + "hv" + host;
    }

    String vmNamespace(String vm) {
        return prefix + vm;
    }

    /** Starts hypervisor {@code host} with its private OVS, its underlay link and its datapath. */
    OvsDatapath addHypervisor(HostDatapathConfig config, int host, int underlayPrefixLength) {
        String ns = hypervisorNamespace(host);
        addNamespace(ns);
        String uplink = "hv" + host;
        must(inNetns(underlay, "ip", "link", "add", uplink, "type", "veth", "peer", "name", "eth-ul", "netns", ns));
        must(inNetns(underlay, "ip", "link", "set", uplink, "master", "ul0", "up"));
        must(inNetns(ns, "ip", "link", "set", "eth-ul", "up"));
        OvsInstance ovs = OvsInstance.start(ns, dir.resolve("hv" + host));
        instances.add(ovs);
        ovs.ovs().vsctl("add-br", "br-phy", "--", "set", "bridge", "br-phy", "datapath_type=netdev",
                "other-config:hwaddr=" + config.vtepMac(), "--", "add-port", "br-phy", "eth-ul").orThrow();
        must(inNetns(ns, "ip", "addr", "add", config.vtepIp() + "/" + underlayPrefixLength, "dev", "br-phy"));
        must(inNetns(ns, "ip", "link", "set", "br-phy", "up"));
        // br-phy also carries the physical VLANs: bridge instances patch br-int to it.
        OvsDatapath dp = OvsDatapath.start(config, ovs.ovs(), prefix + "hv" + host + "-", Optional.of("br-phy"));
        datapaths.add(dp);
        configs.add(config);
        return dp;
    }

    /**
     * Gives every hypervisor's OVS the underlay MAC of every other VTEP. Userspace tunnelling
     * resolves a VTEP's MAC with its own ARP and drops the packet that needed it; a static
     * tunnel neighbour, as the lab knows every VTEP's MAC, makes the first packet arrive too.
     */
    void learnUnderlayNeighbours() {
        for (int h = 0; h < instances.size(); h++) {
            for (HostDatapathConfig peer : configs) {
                if (!peer.equals(configs.get(h))) {
                    Exec.run(List.of("ovs-appctl", "-t", instances.get(h).ovs().runDir().resolve("ovs-vswitchd.ctl").toString(),
                            "tnl/neigh/set", "br-phy", peer.vtepIp().toString(), peer.vtepMac().toString())).orThrow();
                }
            }
        }
    }

    /** A VM namespace plugged into hypervisor {@code host}: eth0 inside, tap&lt;vm&gt; on the hypervisor side. */
    void addVm(SeedFixture.Vm vm) {
        String ns = vmNamespace(vm.name());
        addNamespace(ns);
        String tap = OvsNames.vnicDevice(vm.port().id());
        must(inNetns(hypervisorNamespace(vm.host()), "ip", "link", "add", tap, "type", "veth", "peer", "name", "eth0",
                "netns", ns));
        must(inNetns(hypervisorNamespace(vm.host()), "ip", "link", "set", tap, "up"));
        must(inNetns(ns, "ip", "link", "set", "eth0", "address", vm.mac().toString()));
        must(inNetns(ns, "ip", "addr", "add", vm.address().toString(), "dev", "eth0"));
        must(inNetns(ns, "ip", "link", "set", "eth0", "up"));
        must(inNetns(ns, "ip", "route", "add", "default", "via", vm.gateway().toString()));
    }

    /**
     * A physical server on VLAN {@code vlan}: a namespace whose {@code eth0} is an access port of
     * a top-of-rack switch, whose trunk joins ul0, where the hypervisors' uplinks meet. The
     * top-of-rack switch is one more private OVS (in the underlay namespace), because the lab's
     * kernel may have neither VLAN devices nor VLAN-filtering bridges; ul0 passes tagged frames on
     * as it learns them, so captures on ul0 still see everything.
     */
    void addVlanServer(String name, MacAddress mac, Ipv4InterfaceAddress address, Ipv4Address gateway, int vlan) {
        OvsSwitch tor = topOfRack();
        String ns = vmNamespace(name);
        addNamespace(ns);
        String port = name.length() > 12 ? name.substring(0, 12) : name;
        must(inNetns(underlay, "ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns));
        must(inNetns(underlay, "ip", "link", "set", port, "up"));
        tor.vsctl("add-port", "tor", port, "tag=" + vlan).orThrow();
        must(inNetns(ns, "ip", "link", "set", "eth0", "address", mac.toString()));
        must(inNetns(ns, "ip", "addr", "add", address.toString(), "dev", "eth0"));
        must(inNetns(ns, "ip", "link", "set", "eth0", "up"));
        must(inNetns(ns, "ip", "route", "add", "default", "via", gateway.toString()));
    }

    private OvsSwitch topOfRack() {
        if (topOfRack == null) {
            OvsInstance instance = OvsInstance.start(underlay, dir.resolve("tor"));
            instances.add(instance);
            topOfRack = instance.ovs();
            must(inNetns(underlay, "ip", "link", "add", "ul-tor", "type", "veth", "peer", "name", "tor-ul"));
            must(inNetns(underlay, "ip", "link", "set", "ul-tor", "master", "ul0", "up"));
            must(inNetns(underlay, "ip", "link", "set", "tor-ul", "up"));
            topOfRack.vsctl("add-br", "tor", "--", "set", "bridge", "tor", "datapath_type=netdev", "--",
                    "add-port", "tor", "tor-ul").orThrow();
        }
        return topOfRack;
    }

    Exec.Result ping(String vm, String target) {
        return run(inNetns(vmNamespace(vm), "ping", "-c", "3", "-i", "0.2", "-W", "2", target));
    }

    /** The VM's neighbour entry for an address, e.g. "10.0.1.20 dev eth0 lladdr fa:16:.. REACHABLE", or "". */
    String neighbour(String vm, String ip) {
        return run(inNetns(vmNamespace(vm), "ip", "neigh", "show", ip)).output().strip();
    }

    void flushNeighbours(String vm) {
        must(inNetns(vmNamespace(vm), "ip", "neigh", "flush", "all"));
    }

    Path dir() {
        return dir;
    }

    private void addNamespace(String ns) {
        run("ip", "netns", "del", ns);
        must("ip", "netns", "add", ns);
        namespaces.add(ns);
        must(inNetns(ns, "ip", "link", "set", "lo", "up"));
        // No IPv6 autoconfiguration chatter on the lab's links.
        must(inNetns(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1"));
        must(inNetns(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1"));
    }

    @Override
    public void close() {
        for (OvsDatapath dp : datapaths) {
            try {
                dp.close();
            } catch (RuntimeException e) {
                System.err.println("closing a datapath: " + e.getMessage());
            }
        }
        instances.forEach(OvsInstance::close);
        namespaces.forEach(ns -> run("ip", "netns", "del", ns));
        // The datapaths remove their own qrouter namespaces; these catch any a failed step left.
        run("sh", "-c", "ip netns list | awk '{print $1}' | grep '^" + prefix + "' | xargs -r -n1 ip netns del");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("removing " + dir + ": " + e);
        }
    }
}
