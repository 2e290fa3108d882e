package org.netweave.hostagent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ArpEntry;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniTables;
import org.netweave.proto.manager.v1.ExtraRoute;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;

/**
 * What the Neutron agents put on the host, in the reconciler's terms: each router the L3 agent
 * holds as a DLR state (its distributed interface ports as LIFs, its extra routes on the LIF whose
 * subnet holds the next hop), its static ARP entries as bindings on the interfaces' logical
 * switches, and the compute ports the L2 agent plugged as vNICs. The reconciler adds this to the
 * manager's configuration, so Neutron's routers take the same path into either datapath as the
 * native DLRs do, without a controller.
 *
 * @param staticArps per VNI, IP → MAC
 * @param dvrPorts   per subnet with a distributed router port here, the local ports in its DVR flows (for views)
 */
public record NeutronRouting(SortedMap<DlrId, DlrState> routers, SortedMap<Vni, SortedMap<Ipv4Address, MacAddress>> staticArps,
                             List<DesiredVnic> vnics, Map<String, SortedSet<String>> dvrPorts) {
    public static final NeutronRouting NONE = new NeutronRouting(new TreeMap<>(), new TreeMap<>(), List.of(), Map.of());

    public NeutronRouting {
        routers = Collections.unmodifiableSortedMap(new TreeMap<>(routers));
        staticArps = Collections.unmodifiableSortedMap(new TreeMap<>(staticArps));
        vnics = List.copyOf(vnics);
        dvrPorts = Map.copyOf(dvrPorts);
    }

    /** Pure. */
    static NeutronRouting of(Collection<NeutronRouter> routers, Map<String, Collection<NeutronPort>> staticArp,
                             Collection<NeutronPort> devices, Map<String, SortedSet<String>> dvrPorts) {
        SortedMap<DlrId, DlrState> states = new TreeMap<>();
        SortedMap<Vni, SortedMap<Ipv4Address, MacAddress>> arps = new TreeMap<>();
        for (NeutronRouter router : routers) {
            DlrState state = dlrState(router);
            states.put(DlrId.of(router.getDlrId()), state);
            Map<String, Vni> vniOfSubnet = new HashMap<>();
            router.getInterfacesList().stream().filter(i -> i.getVni() != 0)
                    .forEach(i -> vniOfSubnet.put(i.getSubnetId(), Vni.of(i.getVni())));
            for (NeutronPort port : staticArp.getOrDefault(router.getId(), List.of())) {
                Vni vni = vniOfSubnet.get(port.getSubnetId());
                if (vni != null && port.getIp() != 0) {
                    arps.computeIfAbsent(vni, v -> new TreeMap<>()).put(Ipv4Address.of(port.getIp()), MacAddress.of(port.getMac()));
                }
            }
        }
        List<DesiredVnic> vnics = new ArrayList<>();
        for (NeutronPort port : devices) {
            if (port.getVni() != 0) {
                vnics.add(new DesiredVnic(EndpointId.of(port.getId()), 0, MacAddress.of(port.getMac()),
                        port.getIp() == 0 ? Optional.empty() : Optional.of(Ipv4Address.of(port.getIp())),
                        Optional.of(Vni.of(port.getVni())), port.getAdminStateUp(),
                        port.getOtherIpsList().stream().map(Ipv4Address::of).collect(Collectors.toSet())));
            }
        }
        return new NeutronRouting(states, arps, vnics, dvrPorts);
    }

    /** The manager's configuration with the agents' routers and ports added. */
    HostDesiredState onto(HostDesiredState config) {
        if (routers.isEmpty() && vnics.isEmpty()) {
            return config;
        }
        SortedSet<DlrId> dlrs = new TreeSet<>(config.dlrs());
        dlrs.addAll(routers.keySet());
        List<DesiredVnic> all = new ArrayList<>(config.vnics());
        all.addAll(vnics);
        return new HostDesiredState(config.host(), config.generation(), config.vtep(), config.routerMac(),
                config.controllers(), config.logicalSwitches(), dlrs, all);
    }

    /** The owners' DLR states with the agents' routers added. */
    Map<DlrId, DlrState> withRouters(Map<DlrId, DlrState> owners) {
        if (routers.isEmpty()) {
            return owners;
        }
        Map<DlrId, DlrState> all = new HashMap<>(owners);
        all.putAll(routers);
        return all;
    }

    /** The owners' VNI tables with the static ARP entries added (an owner's binding for the same IP gives way). */
    Map<Vni, VniTables> withStaticArps(Map<Vni, VniTables> owners) {
        if (staticArps.isEmpty()) {
            return owners;
        }
        Map<Vni, VniTables> all = new HashMap<>(owners);
        staticArps.forEach((vni, entries) -> {
            VniTables tables = all.getOrDefault(vni, VniTables.newBuilder().setVni(vni.value()).build());
            VniTables.Builder merged = tables.toBuilder().clearArps();
            tables.getArpsList().stream().filter(a -> !entries.containsKey(Ipv4Address.of(a.getIp()))).forEach(merged::addArps);
            entries.forEach((ip, mac) -> merged.addArps(ArpEntry.newBuilder().setIp(ip.value()).setMac(mac.value())));
            all.put(vni, merged.build());
        });
        return all;
    }

    private static DlrState dlrState(NeutronRouter router) {
        DlrState.Builder state = DlrState.newBuilder().setDlrId(router.getDlrId());
        // An interface on no logical switch (VNI 0) has nowhere to be; the server sends none.
        List<RouterInterface> ports = router.getInterfacesList().stream().filter(i -> i.getVni() != 0).toList();
        for (RouterInterface port : ports) {
            state.addLifs(Lif.newBuilder().setLifId(port.getPortId()).setVni(port.getVni()).setIp(port.getIp())
                    .setPrefixLength(port.getPrefixLength()).setMac(port.getMac()).setMtu(port.getMtu()));
        }
        for (ExtraRoute route : router.getRoutesList()) {
            Ipv4Address nexthop = Ipv4Address.of(route.getNexthop());
            ports.stream()
                    .filter(i -> new Ipv4Prefix(Ipv4Address.of(i.getIp() & Ipv4Prefix.mask(i.getPrefixLength())),
                            i.getPrefixLength()).contains(nexthop))
                    .findFirst().ifPresent(i -> state.addRoutes(Route.newBuilder().setPrefix(route.getDestination())
                            .setNextHop(route.getNexthop()).setLifId(i.getPortId())));
        }
        return state.build();
    }
}
