package org.netweave.ovs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hypervisors, VMs and a physical network made of Linux network namespaces and private Open
 * vSwitch instances, on one machine. Each hypervisor is a namespace running its own ovsdb-server
 * and ovs-vswitchd (userspace {@code netdev} datapath, files in a private directory); its VTEP
 * address sits on the internal port of a {@code br-phy} bridge whose uplink is a veth into an
 * underlay namespace, where a Linux bridge {@code ul0} joins all hypervisors (OVS userspace
 * tunnelling routes the VXLAN port through br-phy by the namespace's kernel routes). br-phy also
 * carries the VLANs to bridge instances. A VM is a namespace with a veth: {@code eth0} inside, the
 * {@link OvsNames#vnicDevice} end in its hypervisor's namespace, which the datapath attaches to
 * br-int; a vMotion moves that end to another hypervisor, so the VM keeps its addresses and ARP
 * cache. A physical server on a VLAN hangs off a top-of-rack switch (one more private OVS, in the
 * underlay namespace) on an access port.
 *
 * <p>Every name starts with a prefix, so labs of different processes never meet; {@link #close}
 * removes every namespace and file and stops the daemons, also after a failed set-up.
 */
public final class NamespaceLab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceLab.class);

    private final String prefix;
    private final String underlay;
    private final Path dir;
    private final List<OvsInstance> instances = new ArrayList<>();
    private final Map<String, Hypervisor> hypervisors = new LinkedHashMap<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private OvsSwitch topOfRack;

    private record Hypervisor(String name, String namespace, OvsInstance ovs, OvsDatapath datapath,
                              HostDatapathConfig config) {
    }

    private NamespaceLab(String prefix, Path dir) {
        this.prefix = prefix;
        this.underlay = prefix + "ul";
        this.dir = dir;
    }

    /** Why this machine cannot run the lab, or null if it can. */
    public static String whyUnavailable() {
        String why = OvsInstance.whyUnavailable();
        if (why != null) {
            return why;
        }
        if (!Exec.run(List.of("ping", "-V")).ok()) {
            return "ping (iputils-ping) is not installed; scripts/install-test-deps installs it";
        }
        return null;
    }

    /** An empty lab: the underlay namespace with its switch ul0; files go to {@code dir}. */
    public static NamespaceLab create(String prefix, Path dir) {
        NamespaceLab lab = new NamespaceLab(prefix, dir);
        try {
            Files.createDirectories(dir);
            lab.addNamespace(lab.underlay);
            lab.in(lab.underlay, "ip", "link", "add", "ul0", "type", "bridge");
            lab.in(lab.underlay, "ip", "link", "set", "ul0", "up");
            return lab;
        } catch (IOException e) {
            lab.close();
            throw new OvsCommandException("cannot create " + dir + ": " + e);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The namespace holding ul0, where captures of the underlay run. */
    public String underlayNamespace() {
        return underlay;
    }

    public Path dir() {
        return dir;
    }

    public String hypervisorNamespace(String hypervisor) {
        return prefix + hypervisor;
    }

    public String guestNamespace(String guest) {
        return prefix + guest;
    }

    /**
     * Starts hypervisor {@code name} with its private OVS, its uplink to ul0, its VTEP address
     * and its datapath, whose qrouter namespaces are named after the hypervisor's namespace.
     *
     * @param underlay where every VTEP lies, reached on-link through br-phy (all VTEP segments share ul0)
     */
    public OvsDatapath addHypervisor(String name, HostDatapathConfig config, Ipv4Prefix underlay) {
        if (!underlay.contains(config.vtepIp())) {
            throw new IllegalArgumentException("VTEP " + config.vtepIp() + " is outside the lab's underlay " + underlay);
        }
        String ns = hypervisorNamespace(name);
        addNamespace(ns);
        String uplink = "hv" + hypervisors.size();
        in(this.underlay, "ip", "link", "add", uplink, "type", "veth", "peer", "name", "eth-ul", "netns", ns);
        in(this.underlay, "ip", "link", "set", uplink, "master", "ul0", "up");
        in(ns, "ip", "link", "set", "eth-ul", "up");
        OvsInstance ovs = OvsInstance.start(ns, dir.resolve(name));
        instances.add(ovs);
        ovs.ovs().vsctl("add-br", "br-phy", "--", "set", "bridge", "br-phy", "datapath_type=netdev",
                "other-config:hwaddr=" + config.vtepMac(), "--", "add-port", "br-phy", "eth-ul").orThrow();
        // The whole underlay on-link, as a connected route: OVS's tunnel routing copies the
        // kernel's connected routes, and the VTEP segments all share ul0.
        in(ns, "ip", "addr", "add", config.vtepIp() + "/" + underlay.length(), "dev", "br-phy");
        in(ns, "ip", "link", "set", "br-phy", "up");
        OvsDatapath dp = OvsDatapath.start(config, ovs.ovs(), ns + "-", Optional.of("br-phy"));
        hypervisors.put(name, new Hypervisor(name, ns, ovs, dp, config));
        return dp;
    }

    /**
     * Gives every hypervisor's OVS the underlay MAC of every other VTEP. Userspace tunnelling
     * resolves a VTEP's MAC with its own ARP and drops the packet that needed it; a static
     * tunnel neighbour, as the lab knows every VTEP's MAC, makes the first packet arrive too.
     */
    public void learnUnderlayNeighbours() {
        for (Hypervisor h : hypervisors.values()) {
            for (Hypervisor peer : hypervisors.values()) {
                if (peer != h) {
                    Exec.run(List.of("ovs-appctl", "-t", h.ovs().ovs().runDir().resolve("ovs-vswitchd.ctl").toString(),
                            "tnl/neigh/set", "br-phy", peer.config().vtepIp().toString(), peer.config().vtepMac().toString()))
                            .orThrow();
                }
            }
        }
    }

    /** A VM namespace plugged into {@code hypervisor}: eth0 inside, the vNIC device of {@code port} outside. */
    public void addGuest(String guest, String hypervisor, PortId port, MacAddress mac, Ipv4InterfaceAddress address,
                         Ipv4Address gateway) {
        String ns = guestNamespace(guest);
        addNamespace(ns);
        String tap = OvsNames.vnicDevice(port);
        String hv = requireHypervisor(hypervisor).namespace();
        in(hv, "ip", "link", "add", tap, "type", "veth", "peer", "name", "eth0", "netns", ns);
        in(hv, "ip", "link", "set", tap, "up");
        in(ns, "ip", "link", "set", "eth0", "address", mac.toString());
        in(ns, "ip", "addr", "add", address.toString(), "dev", "eth0");
        in(ns, "ip", "link", "set", "eth0", "up");
        in(ns, "ip", "route", "add", "default", "via", gateway.toString());
    }

    /**
     * vMotion: the vNIC device moves to {@code to}'s namespace, where that host's datapath
     * attaches it; the VM keeps its addresses and neighbours.
     */
    public void moveGuest(PortId port, String from, String to) {
        String tap = OvsNames.vnicDevice(port);
        in(requireHypervisor(from).namespace(), "ip", "link", "set", tap, "netns", requireHypervisor(to).namespace());
        in(requireHypervisor(to).namespace(), "ip", "link", "set", tap, "up");
    }

    /** Removes the VM namespace, and with it both ends of its veth. */
    public void removeGuest(String guest) {
        String ns = guestNamespace(guest);
        Exec.run(List.of("ip", "netns", "del", ns));
        namespaces.remove(ns);
    }

    /** A physical server on VLAN {@code vlan} behind the top-of-rack switch, which trunks into ul0. */
    public void addVlanServer(String name, MacAddress mac, Ipv4InterfaceAddress address, Ipv4Address gateway, int vlan) {
        OvsSwitch tor = topOfRack();
        String ns = guestNamespace(name);
        addNamespace(ns);
        String port = "s-" + (name.length() > 10 ? name.substring(0, 10) : name);
        in(underlay, "ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        in(underlay, "ip", "link", "set", port, "up");
        tor.vsctl("add-port", "tor", port, "tag=" + vlan).orThrow();
        in(ns, "ip", "link", "set", "eth0", "address", mac.toString());
        in(ns, "ip", "addr", "add", address.toString(), "dev", "eth0");
        in(ns, "ip", "link", "set", "eth0", "up");
        in(ns, "ip", "route", "add", "default", "via", gateway.toString());
    }

    /**
     * The top-of-rack switch: a private OVS in the underlay namespace, because the kernel may have
     * neither VLAN devices nor VLAN-filtering bridges. ul0 passes tagged frames on as it learns
     * them, so captures on ul0 still see everything.
     */
    private OvsSwitch topOfRack() {
        if (topOfRack == null) {
            OvsInstance instance = OvsInstance.start(underlay, dir.resolve("tor"));
            instances.add(instance);
            topOfRack = instance.ovs();
            in(underlay, "ip", "link", "add", "ul-tor", "type", "veth", "peer", "name", "tor-ul");
            in(underlay, "ip", "link", "set", "ul-tor", "master", "ul0", "up");
            in(underlay, "ip", "link", "set", "tor-ul", "up");
            topOfRack.vsctl("add-br", "tor", "--", "set", "bridge", "tor", "datapath_type=netdev", "--",
                    "add-port", "tor", "tor-ul").orThrow();
        }
        return topOfRack;
    }

    /** {@code ping} from the namespace of {@code guest}; its output, whether or not replies came. */
    public String ping(String guest, Ipv4Address target, int count, Duration interval, Duration timeout) {
        // iputils refuses intervals under 2 ms from anyone but root, and 0 means "flood".
        double seconds = Math.max(0.002, interval.toMillis() / 1000.0);
        return Exec.run(Exec.inNetns(guestNamespace(guest), List.of("ping", "-c", String.valueOf(count), "-i",
                String.format(Locale.ROOT, "%.3f", seconds), "-W", String.valueOf(Math.max(1, timeout.toSeconds())),
                target.toString()))).output();
    }

    /** Runs {@code command} in the namespace {@code ns}; its output. */
    public String in(String ns, String... command) {
        return Exec.run(Exec.inNetns(ns, List.of(command))).orThrow().output();
    }

    private Hypervisor requireHypervisor(String name) {
        Hypervisor h = hypervisors.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no hypervisor " + name + " in this lab");
        }
        return h;
    }

    private void addNamespace(String ns) {
        Exec.run(List.of("ip", "netns", "del", ns));
        Exec.run(List.of("ip", "netns", "add", ns)).orThrow();
        namespaces.add(ns);
        in(ns, "ip", "link", "set", "lo", "up");
        // No IPv6 autoconfiguration chatter on the lab's links.
        in(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        in(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    }

    @Override
    public void close() {
        for (Hypervisor h : hypervisors.values()) {
            try {
                h.datapath().close();
            } catch (RuntimeException e) {
                LOG.warn("closing the datapath of {}: {}", h.name(), e.getMessage());
            }
        }
        instances.forEach(OvsInstance::close);
        namespaces.forEach(ns -> Exec.run(List.of("ip", "netns", "del", ns)));
        // The datapaths remove their own qrouter namespaces; this catches any a failed step left.
        Exec.run(List.of("sh", "-c", "ip netns list | awk '{print $1}' | grep '^" + prefix + "' | xargs -r -n1 ip netns del"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("removing {}: {}", dir, e.toString());
        }
    }
}
