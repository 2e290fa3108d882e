package org.netweave.ovs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.ovs.RouterPlan.QrDevice;
import org.netweave.ovs.RouterPlan.RouterNamespace;

/**
 * Realises {@link RouterPlan}s with iproute2, as the L3 agent does: creates qrouter namespaces and
 * their qr- veths (the peer end, of the same name, stays in the hypervisor's namespace for
 * br-int), then neighbours and routes. Removal happens in {@link #removeStale} after the flows
 * and OVS ports that use a device are gone.
 */
final class RouterNamespaces {
    private final OvsSwitch ovs;
    private SortedMap<String, RouterNamespace> installed = new TreeMap<>();
    /** Everything ever created, recorded at once: a batch that fails half-way leaves nothing behind at close. */
    private final Set<String> createdNamespaces = new TreeSet<>();
    private final Set<String> createdDevices = new TreeSet<>();

    RouterNamespaces(OvsSwitch ovs) {
        this.ovs = ovs;
    }

    /** Creates what {@code desired} adds: namespaces, devices, neighbours, routes. */
    void addNew(SortedMap<String, RouterNamespace> desired) {
        for (RouterNamespace want : desired.values()) {
            RouterNamespace have = installed.get(want.name());
            if (have == null) {
                // A failed earlier batch may have created it already; creation is idempotent.
                if (!Files.exists(Path.of("/var/run/netns", want.name()))) {
                    Exec.run(List.of("ip", "netns", "add", want.name())).orThrow();
                }
                createdNamespaces.add(want.name());
                ns(want.name(), "ip", "link", "set", "lo", "up");
                // The namespace is the router: it forwards between its qr- devices.
                ns(want.name(), "sysctl", "-qw", "net.ipv4.ip_forward=1");
            }
            Set<String> fresh = new TreeSet<>();
            for (QrDevice dev : want.devices().values()) {
                QrDevice old = have == null ? null : have.devices().get(dev.name());
                if (dev.equals(old)) {
                    continue;
                }
                // Replaces a changed device, or one a failed earlier batch left behind.
                ovs.inNamespace("ip", "link", "del", dev.name());
                createdDevices.add(dev.name());
                createDevice(want.name(), dev);
                fresh.add(dev.name());
            }
            for (String n : want.neighbours()) {
                if (have == null || !have.neighbours().contains(n) || fresh.contains(lastWord(n))) {
                    ns(want.name(), RouterPlan.neighbourCommand(true, n));
                }
            }
            for (String r : want.routes()) {
                if (have == null || !have.routes().contains(r) || fresh.contains(lastWord(r))) {
                    ns(want.name(), RouterPlan.routeCommand(true, r));
                }
            }
        }
    }

    /** Deletes what {@code desired} no longer has, and records it as installed. */
    void removeStale(SortedMap<String, RouterNamespace> desired) {
        for (RouterNamespace have : installed.values()) {
            RouterNamespace want = desired.get(have.name());
            if (want == null) {
                have.devices().keySet().forEach(d -> ovs.inNamespace("ip", "link", "del", d));
                Exec.run(List.of("ip", "netns", "del", have.name()));
                continue;
            }
            // Deleting a device takes its neighbours and routes with it, so those may already be gone.
            // An address that moved to another MAC was replaced in place by addNew: not deleted.
            Set<String> stillWanted = new TreeSet<>(want.neighbours().stream().map(RouterNamespaces::neighbourKey).toList());
            have.neighbours().stream().filter(n -> !want.neighbours().contains(n) && !stillWanted.contains(neighbourKey(n)))
                    .forEach(n -> tryNs(have.name(), RouterPlan.neighbourCommand(false, n)));
            have.routes().stream().filter(r -> !want.routes().contains(r))
                    .forEach(r -> tryNs(have.name(), RouterPlan.routeCommand(false, r)));
            have.devices().keySet().stream().filter(d -> !want.devices().containsKey(d))
                    .forEach(d -> ovs.inNamespace("ip", "link", "del", d));
        }
        installed = desired;
    }

    /** Deletes every namespace and device this instance created. */
    void removeAll() {
        createdDevices.forEach(d -> ovs.inNamespace("ip", "link", "del", d));
        createdNamespaces.forEach(n -> Exec.run(List.of("ip", "netns", "del", n)));
        installed = new TreeMap<>();
    }

    /** "IP lladdr MAC dev DEV" → "IP dev DEV": which entry a neighbour line is. */
    private static String neighbourKey(String neighbour) {
        String[] words = neighbour.split(" ");
        return words[0] + " " + words[words.length - 1];
    }

    private void createDevice(String namespace, QrDevice dev) {
        ovs.inNamespace("ip", "link", "add", dev.name(), "type", "veth", "peer", "name", dev.name(), "netns", namespace)
                .orThrow();
        ns(namespace, "ip", "link", "set", dev.name(), "address", dev.mac().toString());
        ns(namespace, "ip", "addr", "add", dev.address().toString(), "dev", dev.name());
        ns(namespace, "ip", "link", "set", dev.name(), "up");
        ovs.inNamespace("ip", "link", "set", dev.name(), "up").orThrow();
    }

    private static String lastWord(String s) {
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    private static void ns(String namespace, String... command) {
        ns(namespace, List.of(command));
    }

    private static void ns(String namespace, List<String> command) {
        Exec.run(inNs(namespace, command)).orThrow();
    }

    private static void tryNs(String namespace, List<String> command) {
        Exec.run(inNs(namespace, command));
    }

    private static List<String> inNs(String namespace, List<String> command) {
        return Exec.inNetns(namespace, command);
    }
}
