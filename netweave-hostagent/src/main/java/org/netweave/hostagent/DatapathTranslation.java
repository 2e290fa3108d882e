package org.netweave.hostagent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.MacEntry;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniTables;

/**
 * The pure translation behind {@link DatapathDesired#from}, one small function per kind of table
 * (OVN northd's {@code build_*}): configuration plus owners' tables in, datapath tables out.
 *
 * <ul>
 *   <li>A port for every connected local vNIC attached to a logical switch.</li>
 *   <li>A DLR instance for every configured DLR whose owner has sent its state: its VXLAN LIFs
 *       (the gateway vMAC as the owner sent it, the same on every host), its routes except the
 *       LIFs' connected ones, and the bridges the owner placed on this host.</li>
 *   <li>A logical switch for every VNI a port, a LIF or a bridge needs, with the owner's remote
 *       VTEPs, remote MACs and ARP bindings, this host's own vNIC bindings, and the external VTEPs
 *       of the configuration.</li>
 * </ul>
 */
final class DatapathTranslation {
    /**
     * The base of the underlay group a HYBRID or MULTICAST switch uses. The configuration carries
     * no group yet, so every host derives the same one from the VNI, in the organisation-local
     * scope 239.0.0.0/8: 239 followed by the VNI's three bytes.
     */
    private static final int GROUP_BASE = 0xEF00_0000;

    private DatapathTranslation() {
    }

    static DatapathDesired translate(HostDesiredState config, Map<Vni, VniTables> vniTables, Map<DlrId, DlrState> dlrStates) {
        SortedMap<PortId, VnicPort> ports = ports(config);
        SortedMap<DlrId, DesiredDlrTables> dlrs = new TreeMap<>();
        SortedMap<BridgeId, Bridge> bridges = new TreeMap<>();
        for (DlrId dlr : config.dlrs()) {
            DlrState state = dlrStates.get(dlr);
            if (state != null) {
                dlrs.put(dlr, dlr(dlr, state, config));
                bridges.putAll(bridges(state, config));
            }
        }
        SortedSet<Vni> needed = new TreeSet<>();
        ports.values().forEach(p -> needed.add(p.vni()));
        dlrs.values().forEach(d -> d.lifs().values().forEach(l -> needed.add(l.vni())));
        bridges.values().forEach(b -> needed.add(b.vni()));
        SortedMap<Vni, DesiredSwitchTables> switches = new TreeMap<>();
        for (Vni vni : needed) {
            switches.put(vni, logicalSwitch(vni, config, Optional.ofNullable(vniTables.get(vni)), ports));
        }
        return new DatapathDesired(config.routerMac(), switches, ports, dlrs, bridges);
    }

    /** The port id of a vNIC: its VM and its index, as {@code vm-12.000}. */
    static PortId portId(DesiredVnic vnic) {
        return PortId.of(vnic.vm().value() + "." + String.format("%03d", vnic.index()));
    }

    private static SortedMap<PortId, VnicPort> ports(HostDesiredState config) {
        SortedMap<PortId, VnicPort> ports = new TreeMap<>();
        for (DesiredVnic vnic : config.vnics()) {
            if (vnic.connected() && vnic.vni().isPresent()) {
                ports.put(portId(vnic), new VnicPort(portId(vnic), vnic.vni().get(), vnic.mac(), vnic.addresses()));
            }
        }
        return ports;
    }

    /** VLAN LIFs have no logical switch on the host and are left out, with the routes through them. */
    private static DesiredDlrTables dlr(DlrId id, DlrState state, HostDesiredState config) {
        SortedMap<LifId, Lif> lifs = new TreeMap<>();
        for (org.netweave.proto.controller.v1.Lif lif : state.getLifsList()) {
            if (lif.getSegmentCase() != org.netweave.proto.controller.v1.Lif.SegmentCase.VNI) {
                continue;
            }
            LifId lifId = LifId.of(lif.getLifId());
            boolean designated = config.host().value().equals(state.getDesignatedInstancesMap().get(lif.getLifId()));
            lifs.put(lifId, new Lif(lifId, lif.getUplink() ? LifType.UPLINK : LifType.INTERNAL, Vni.of(lif.getVni()),
                    new Ipv4InterfaceAddress(Ipv4Address.of(lif.getIp()), lif.getPrefixLength()), MacAddress.of(lif.getMac()),
                    designated));
        }
        SortedMap<Ipv4Prefix, StaticRoute> routes = new TreeMap<>();
        for (Route route : state.getRoutesList()) {
            Lif lif = lifs.get(LifId.of(route.getLifId()));
            Ipv4Prefix prefix = new Ipv4Prefix(Ipv4Address.of(route.getPrefix().getAddress()), route.getPrefix().getLength());
            boolean connected = route.getNextHop() == 0;
            if (lif == null || connected && lif.address().subnet().equals(prefix)) {
                continue;
            }
            routes.put(prefix, new StaticRoute(prefix, lif.id(), connected ? null : Ipv4Address.of(route.getNextHop())));
        }
        return new DesiredDlrTables(id, lifs, routes);
    }

    private static SortedMap<BridgeId, Bridge> bridges(DlrState state, HostDesiredState config) {
        SortedMap<BridgeId, Bridge> bridges = new TreeMap<>();
        for (org.netweave.proto.controller.v1.Bridge bridge : state.getBridgesList()) {
            if (config.host().value().equals(bridge.getHostId())) {
                BridgeId id = BridgeId.of(bridge.getBridgeId());
                bridges.put(id, new Bridge(id, Vni.of(bridge.getVni()), VlanId.of(bridge.getVlan())));
            }
        }
        return bridges;
    }

    private static DesiredSwitchTables logicalSwitch(Vni vni, HostDesiredState config, Optional<VniTables> tables,
                                                     SortedMap<PortId, VnicPort> ports) {
        Optional<DesiredLogicalSwitch> configured = Optional.ofNullable(config.logicalSwitches().get(vni));
        ReplicationMode mode = configured.map(DesiredLogicalSwitch::replicationMode).orElse(ReplicationMode.UNICAST);
        LogicalSwitchSpec spec = mode == ReplicationMode.UNICAST ? LogicalSwitchSpec.unicast(vni)
                : new LogicalSwitchSpec(vni, mode, Ipv4Address.of(GROUP_BASE | vni.value()));
        Optional<Ipv4Address> own = config.vtep();
        Set<MacAddress> localMacs = new TreeSet<>();
        ports.values().stream().filter(p -> p.vni().equals(vni)).forEach(p -> localMacs.add(p.mac()));
        SortedMap<Ipv4Address, VtepRecord> vteps = new TreeMap<>();
        SortedMap<MacAddress, Ipv4Address> remoteMacs = new TreeMap<>();
        SortedMap<Ipv4Address, MacAddress> arps = new TreeMap<>();
        tables.ifPresent(t -> {
            for (org.netweave.proto.controller.v1.Vtep vtep : t.getVtepsList()) {
                Ipv4Address ip = Ipv4Address.of(vtep.getIp());
                if (own.filter(ip::equals).isEmpty()) {
                    vteps.put(ip, new VtepRecord(ip, segment(vtep)));
                }
            }
            for (MacEntry mac : t.getMacsList()) {
                Ipv4Address vtep = Ipv4Address.of(mac.getVtepIp());
                MacAddress address = MacAddress.of(mac.getMac());
                // A MAC this host has a port for is local, whatever an owner that has not heard yet says.
                if (own.filter(vtep::equals).isEmpty() && !localMacs.contains(address)) {
                    remoteMacs.put(address, vtep);
                }
            }
            t.getArpsList().forEach(arp -> arps.put(Ipv4Address.of(arp.getIp()), MacAddress.of(arp.getMac())));
        });
        for (DesiredVnic vnic : config.vnics()) {
            if (vnic.connected() && vnic.vni().equals(Optional.of(vni)) && vnic.ip().isPresent()) {
                arps.put(vnic.ip().get(), vnic.mac());
            }
        }
        SortedMap<Ipv4Address, ExternalVtep> external = configured.map(DesiredLogicalSwitch::externalVteps)
                .orElseGet(TreeMap::new);
        return new DesiredSwitchTables(spec, vteps, remoteMacs, arps, external);
    }

    /** The VTEP's segment as its host reported it; a VTEP without one is its own segment. */
    private static Ipv4Prefix segment(org.netweave.proto.controller.v1.Vtep vtep) {
        if (!vtep.hasSegment() || vtep.getSegment().getLength() == 0) {
            return new Ipv4Prefix(Ipv4Address.of(vtep.getIp()), 32);
        }
        int length = vtep.getSegment().getLength();
        return new Ipv4Prefix(Ipv4Address.of(vtep.getSegment().getAddress() & Ipv4Prefix.mask(length)), length);
    }
}
