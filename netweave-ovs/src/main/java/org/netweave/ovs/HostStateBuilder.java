package org.netweave.ovs;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.DetachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.dataplane.DatapathChange.PutDlr;
import org.netweave.dataplane.DatapathChange.PutExternalVtep;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutLogicalSwitch;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DatapathChange.RemoveArpEntry;
import org.netweave.dataplane.DatapathChange.RemoveBridge;
import org.netweave.dataplane.DatapathChange.RemoveDlr;
import org.netweave.dataplane.DatapathChange.RemoveExternalVtep;
import org.netweave.dataplane.DatapathChange.RemoveLif;
import org.netweave.dataplane.DatapathChange.RemoveLogicalSwitch;
import org.netweave.dataplane.DatapathChange.RemoveRemoteMac;
import org.netweave.dataplane.DatapathChange.RemoveRoute;
import org.netweave.dataplane.DatapathChange.RemoveVtep;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.ovs.HostState.RouterState;
import org.netweave.ovs.HostState.SwitchState;

/**
 * Folds a batch of {@link DatapathChange}s into a new {@link HostState}. Pure: the old state is
 * untouched, so an invalid change anywhere in the batch leaves nothing half-applied.
 */
final class HostStateBuilder {
    private final HostDatapathConfig config;
    private final TreeMap<Vni, SwitchState> switches;
    private final TreeMap<PortId, VnicPort> ports;
    private final TreeMap<DlrId, RouterState> routers;
    private final TreeSet<MacAddress> peers;
    private final TreeMap<BridgeId, Bridge> bridges;
    private final LocalVlans vlansBefore;

    private HostStateBuilder(HostState from) {
        config = from.config();
        vlansBefore = from.vlans();
        switches = new TreeMap<>(from.switches());
        ports = new TreeMap<>(from.ports());
        routers = new TreeMap<>(from.routers());
        peers = new TreeSet<>(from.peerDvrMacs());
        bridges = new TreeMap<>(from.bridges());
    }

    /** @throws InvalidValueException naming the first invalid change; nothing is applied then */
    static HostState apply(HostState from, List<? extends DatapathChange> changes) {
        HostStateBuilder b = new HostStateBuilder(from);
        changes.forEach(b::apply);
        return b.build();
    }

    static HostState withPeerDvrMacs(HostState from, Set<MacAddress> peerDvrMacs) {
        HostStateBuilder b = new HostStateBuilder(from);
        b.peers.clear();
        b.peers.addAll(peerDvrMacs);
        b.peers.remove(from.config().routerMac());
        return b.build();
    }

    /** {@code from} without the vNIC ports {@code ports}: what can be installed while their devices are missing. */
    static HostState withoutPorts(HostState from, Set<PortId> ports) {
        HostStateBuilder b = new HostStateBuilder(from);
        b.ports.keySet().removeAll(ports);
        return b.build();
    }

    private HostState build() {
        return new HostState(config, switches, ports, routers, peers, LocalVlans.allocate(switches.keySet(), vlansBefore),
                bridges);
    }

    private void apply(DatapathChange change) {
        switch (change) {
            case PutLogicalSwitch c -> {
                SwitchState old = switches.get(c.spec().vni());
                switches.put(c.spec().vni(), old == null
                        ? new SwitchState(c.spec(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>())
                        : new SwitchState(c.spec(), old.vteps(), old.remoteMacs(), old.arp(), old.externalVteps()));
            }
            case RemoveLogicalSwitch c -> removeSwitch(c.vni());
            case PutVtep c -> edit(c.vni(), s -> s.vteps().put(c.vtep().ip(), c.vtep()));
            case RemoveVtep c -> edit(c.vni(), s -> s.vteps().remove(c.vtepIp()));
            case PutRemoteMac c -> edit(c.vni(), s -> s.remoteMacs().put(c.mac(), c.vtepIp()));
            case RemoveRemoteMac c -> edit(c.vni(), s -> s.remoteMacs().remove(c.mac()));
            case PutArpEntry c -> edit(c.vni(), s -> s.arp().put(c.ip(), c.mac()));
            case RemoveArpEntry c -> edit(c.vni(), s -> s.arp().remove(c.ip()));
            case PutExternalVtep c -> edit(c.vni(), s -> s.externalVteps().put(c.vtep().ip(), c.vtep()));
            case RemoveExternalVtep c -> edit(c.vni(), s -> s.externalVteps().remove(c.vtepIp()));
            case AttachPort c -> {
                requireSwitch(c.port().vni(), "port.vni");
                ports.put(c.port().id(), c.port());
            }
            case DetachPort c -> ports.remove(c.portId());
            case PutDlr c -> routers.putIfAbsent(c.dlrId(), new RouterState(c.dlrId(), new TreeMap<>(), new TreeMap<>()));
            case RemoveDlr c -> routers.remove(c.dlrId());
            case PutLif c -> {
                requireSwitch(c.lif().vni(), "lif.vni");
                RouterState r = requireRouter(c.dlrId());
                TreeMap<LifId, Lif> lifs = new TreeMap<>(r.lifs());
                lifs.put(c.lif().id(), c.lif());
                routers.put(r.id(), new RouterState(r.id(), lifs, r.routes()));
            }
            case RemoveLif c -> {
                RouterState r = routers.get(c.dlrId());
                if (r != null) {
                    TreeMap<LifId, Lif> lifs = new TreeMap<>(r.lifs());
                    lifs.remove(c.lifId());
                    routers.put(r.id(), new RouterState(r.id(), lifs, r.routes()));
                }
            }
            case PutRoute c -> {
                RouterState r = requireRouter(c.dlrId());
                var routes = new TreeMap<>(r.routes());
                routes.put(c.route().prefix(), c.route());
                routers.put(r.id(), new RouterState(r.id(), r.lifs(), routes));
            }
            case RemoveRoute c -> {
                RouterState r = routers.get(c.dlrId());
                if (r != null) {
                    var routes = new TreeMap<>(r.routes());
                    routes.remove(c.prefix());
                    routers.put(r.id(), new RouterState(r.id(), r.lifs(), routes));
                }
            }
            case PutBridge c -> putBridge(c.bridge());
            case RemoveBridge c -> bridges.remove(c.bridgeId());
        }
    }

    /** One bridge per VNI and per VLAN, as on the emulated backend: two would make a loop. */
    private void putBridge(Bridge bridge) {
        requireSwitch(bridge.vni(), "bridge.vni");
        bridge.requireDistinctFrom(bridges.values());
        bridges.put(bridge.id(), bridge);
    }

    private void removeSwitch(Vni vni) {
        Bridge.requireNoneOn(bridges.values(), vni);
        if (ports.values().stream().anyMatch(p -> p.vni().equals(vni))) {
            throw new InvalidValueException("vni", vni, "still has vNIC ports on this host");
        }
        if (routers.values().stream().anyMatch(r -> r.lifs().values().stream().anyMatch(l -> l.vni().equals(vni)))) {
            throw new InvalidValueException("vni", vni, "still has LIFs on this host");
        }
        switches.remove(vni);
    }

    /** Mutable copies of a switch's tables, for one edit. */
    private record Tables(
            TreeMap<Ipv4Address, VtepRecord> vteps,
            TreeMap<MacAddress, Ipv4Address> remoteMacs,
            TreeMap<Ipv4Address, MacAddress> arp,
            TreeMap<Ipv4Address, ExternalVtep> externalVteps) {
    }

    private void edit(Vni vni, Consumer<Tables> edit) {
        SwitchState s = requireSwitch(vni, "vni");
        Tables t = new Tables(new TreeMap<>(s.vteps()), new TreeMap<>(s.remoteMacs()), new TreeMap<>(s.arp()),
                new TreeMap<>(s.externalVteps()));
        edit.accept(t);
        switches.put(vni, new SwitchState(s.spec(), t.vteps(), t.remoteMacs(), t.arp(), t.externalVteps()));
    }

    private SwitchState requireSwitch(Vni vni, String field) {
        SwitchState s = switches.get(vni);
        if (s == null) {
            throw new InvalidValueException(field, vni, "is not a logical switch on this host");
        }
        return s;
    }

    private RouterState requireRouter(DlrId id) {
        RouterState r = routers.get(id);
        if (r == null) {
            throw new InvalidValueException("dlrId", id, "is not a DLR instance on this host");
        }
        return r;
    }
}
