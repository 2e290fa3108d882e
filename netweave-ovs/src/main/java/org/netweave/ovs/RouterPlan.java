package org.netweave.ovs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.StaticRoute;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.ovs.HostState.RouterState;
import org.netweave.ovs.HostState.SwitchState;

/**
 * What Neutron's L3 agent in dvr mode builds for each distributed router on a host: a
 * {@code qrouter-} namespace with one {@code qr-} device per LIF carrying the gateway address and
 * the shared gateway MAC, a permanent neighbour for every ARP binding on the LIF's subnet
 * (reference §2.3: no ARP from the router, ever), and the routes. Pure.
 */
public final class RouterPlan {
    private RouterPlan() {
    }

    public record QrDevice(String name, MacAddress mac, Ipv4InterfaceAddress address) {
        public QrDevice {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * @param neighbours {@code ip neigh} arguments after "replace"/"del", e.g. "10.0.1.10 lladdr .. dev qr-x"
     * @param routes     {@code ip route} arguments after "replace"/"del"
     */
    public record RouterNamespace(String name, SortedMap<String, QrDevice> devices, SortedSet<String> neighbours,
            SortedSet<String> routes) {
        public RouterNamespace {
            Objects.requireNonNull(name, "name");
            devices = HostState.sorted(devices);
            neighbours = Collections.unmodifiableSortedSet(new TreeSet<>(neighbours));
            routes = Collections.unmodifiableSortedSet(new TreeSet<>(routes));
        }
    }

    /** Namespaces by name; a DLR without LIFs needs none yet. */
    public static SortedMap<String, RouterNamespace> of(HostState state, String hostPrefix) {
        TreeMap<String, RouterNamespace> result = new TreeMap<>();
        for (RouterState r : state.routers().values()) {
            if (r.lifs().isEmpty()) {
                continue;
            }
            TreeMap<String, QrDevice> devices = new TreeMap<>();
            TreeSet<String> neighbours = new TreeSet<>();
            for (Lif lif : r.lifs().values()) {
                String dev = OvsNames.qrDevice(r.id(), lif.id());
                devices.put(dev, new QrDevice(dev, lif.vmac(), lif.address()));
                SwitchState s = state.switches().get(lif.vni());
                s.allArp().forEach((ip, mac) -> {
                    if (lif.address().subnet().contains(ip) && !ip.equals(lif.address().address())) {
                        neighbours.add(ip + " lladdr " + mac + " dev " + dev);
                    }
                });
            }
            TreeSet<String> routes = new TreeSet<>();
            for (StaticRoute route : r.routes().values()) {
                Lif egress = r.lifs().get(route.egressLif());
                if (egress == null) {
                    continue;
                }
                String dev = OvsNames.qrDevice(r.id(), egress.id());
                routes.add(route.prefix() + (route.nextHop() == null ? "" : " via " + route.nextHop()) + " dev " + dev);
            }
            String ns = OvsNames.qrouterNamespace(hostPrefix, r.id());
            result.put(ns, new RouterNamespace(ns, devices, neighbours, routes));
        }
        return result;
    }

    /** {@code ip neigh replace <ip> lladdr <mac> dev <dev> nud permanent}, or {@code ip neigh del <ip> dev <dev>}. */
    static List<String> neighbourCommand(boolean add, String neighbour) {
        String[] t = neighbour.split(" ");
        return add
                ? List.of("ip", "neigh", "replace", t[0], t[1], t[2], t[3], t[4], "nud", "permanent")
                : List.of("ip", "neigh", "del", t[0], t[3], t[4]);
    }

    static List<String> routeCommand(boolean add, String route) {
        List<String> cmd = new ArrayList<>(List.of("ip", "route", add ? "replace" : "del"));
        cmd.addAll(List.of(route.split(" ")));
        return cmd;
    }
}
