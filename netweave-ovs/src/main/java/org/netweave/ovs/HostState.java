package org.netweave.ovs;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/**
 * Everything one host's data plane should do, as the Datapath SPI's change batches accumulate it,
 * plus the DVR MACs of the other hosts (Neutron's {@code get_dvr_mac_address_list}, which the SPI
 * does not carry). Immutable, and sorted everywhere so that translation is deterministic.
 *
 * @param peerDvrMacs the DVR (router) MACs of the other hosts: routed frames arriving with one of
 *                    them as source skip MAC learning and get the gateway MAC as source
 * @param vlans       each switch's local VLAN: part of the state, not derived from it, because a
 *                    VNI must keep its VLAN while others come and go (ports and flows carry it)
 * @param bridges     the L2 bridge instances this host runs, by id: each joins a switch's local
 *                    VLAN on br-int to a VLAN of the physical bridge
 */
public record HostState(
        HostDatapathConfig config,
        SortedMap<Vni, SwitchState> switches,
        SortedMap<PortId, VnicPort> ports,
        SortedMap<DlrId, RouterState> routers,
        SortedSet<MacAddress> peerDvrMacs,
        LocalVlans vlans,
        SortedMap<BridgeId, Bridge> bridges) {

    public HostState {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(vlans, "vlans");
        if (!vlans.asMap().keySet().equals(switches.keySet())) {
            throw new IllegalArgumentException("local VLANs for " + vlans.asMap().keySet() + " but switches "
                    + switches.keySet());
        }
        switches = sorted(switches);
        ports = sorted(ports);
        routers = sorted(routers);
        peerDvrMacs = Collections.unmodifiableSortedSet(new TreeSet<>(peerDvrMacs));
        bridges = sorted(bridges);
    }

    public static HostState empty(HostDatapathConfig config) {
        return new HostState(config, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeSet<>(),
                LocalVlans.allocate(java.util.List.of()), new TreeMap<>());
    }

    static <K extends Comparable<K>, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /**
     * A logical switch joined by this host.
     *
     * @param vteps         the VNI's VTEP table (may include this host's own VTEP, which is skipped)
     * @param remoteMacs    MAC → VTEP of VMs on other hosts (l2pop)
     * @param arp           IP → MAC bindings: the ARP responder answers from them and qrouter
     *                      namespaces get them as permanent neighbours
     * @param externalVteps VTEPs Netweave does not manage, with the endpoints behind them
     */
    public record SwitchState(
            LogicalSwitchSpec spec,
            SortedMap<Ipv4Address, VtepRecord> vteps,
            SortedMap<MacAddress, Ipv4Address> remoteMacs,
            SortedMap<Ipv4Address, MacAddress> arp,
            SortedMap<Ipv4Address, ExternalVtep> externalVteps) {

        public SwitchState {
            Objects.requireNonNull(spec, "spec");
            vteps = sorted(vteps);
            remoteMacs = sorted(remoteMacs);
            arp = sorted(arp);
            externalVteps = sorted(externalVteps);
        }

        public Vni vni() {
            return spec.vni();
        }

        /** Remote MACs including the endpoints behind external VTEPs. */
        public SortedMap<MacAddress, Ipv4Address> allRemoteMacs() {
            TreeMap<MacAddress, Ipv4Address> all = new TreeMap<>(remoteMacs);
            externalVteps.values().forEach(x -> x.endpoints().values().forEach(mac -> all.put(mac, x.ip())));
            return all;
        }

        /** ARP bindings including the endpoints behind external VTEPs. */
        public SortedMap<Ipv4Address, MacAddress> allArp() {
            TreeMap<Ipv4Address, MacAddress> all = new TreeMap<>(arp);
            externalVteps.values().forEach(x -> all.putAll(x.endpoints()));
            return all;
        }

        /** Every VTEP that gets a head-end copy of BUM frames. */
        public SortedSet<Ipv4Address> floodVteps() {
            TreeSet<Ipv4Address> all = new TreeSet<>(vteps.keySet());
            all.addAll(externalVteps.keySet());
            return all;
        }
    }

    /** A DLR instance on this host. */
    public record RouterState(DlrId id, SortedMap<LifId, Lif> lifs, SortedMap<Ipv4Prefix, StaticRoute> routes) {
        public RouterState {
            Objects.requireNonNull(id, "id");
            lifs = sorted(lifs);
            routes = sorted(routes);
        }
    }
}
