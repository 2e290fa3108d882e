package org.netweave.controller.owner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.netweave.controller.runtime.ArpRow;
import org.netweave.controller.runtime.DlrBridge;
import org.netweave.controller.runtime.DlrLif;
import org.netweave.controller.runtime.DlrRoute;
import org.netweave.controller.runtime.DlrStateSnapshot;
import org.netweave.controller.runtime.LifSegment;
import org.netweave.controller.runtime.LogicalSwitchSettings;
import org.netweave.controller.runtime.MacRow;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.runtime.VniTablesSnapshot;
import org.netweave.controller.runtime.VtepRow;
import org.netweave.model.BridgeId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ArpEntry;
import org.netweave.proto.controller.v1.Bridge;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.HostPlacement;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;
import org.netweave.proto.controller.v1.MacEntry;
import org.netweave.proto.controller.v1.PlacedPort;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniDelta;
import org.netweave.proto.controller.v1.VniTables;
import org.netweave.proto.controller.v1.Vtep;

/**
 * Pure translations between the wire (protobuf) and the runtime tables' typed records. Decoding
 * validates through the model types, so a bad field fails with an InvalidValueException that
 * names it.
 */
public final class WireTranslation {
    private WireTranslation() {
    }

    public static LogicalSwitchSettings settings(LogicalSwitchRecord record) {
        ReplicationMode mode = switch (record.getReplicationMode()) {
            case HYBRID -> ReplicationMode.HYBRID;
            case MULTICAST -> ReplicationMode.MULTICAST;
            case UNICAST, REPLICATION_MODE_UNSPECIFIED, UNRECOGNIZED -> ReplicationMode.UNICAST;
        };
        return new LogicalSwitchSettings(Vni.of(record.getVni()), record.getName(), mode, record.getArpProxy());
    }

    /** What the persistence role keeps of a switch: its settings and its placement. */
    public static LogicalSwitchRecord record(LogicalSwitchSettings settings, VniPlacement placement) {
        return LogicalSwitchRecord.newBuilder().setVni(settings.vni().value()).setName(settings.name())
                .setReplicationMode(toWire(settings.replication())).setArpProxy(settings.arpProxy())
                .setPlacement(toWire(placement)).build();
    }

    /** The placement from the wire; validated (host ids, MACs) as the runtime types are made. */
    public static VniPlacement placement(org.netweave.proto.controller.v1.VniPlacement wire) {
        Map<HostId, VniPlacement.HostPlacement> hosts = new HashMap<>();
        for (HostPlacement host : wire.getHostsList()) {
            Map<MacAddress, Set<Ipv4Address>> ports = new HashMap<>();
            for (PlacedPort port : host.getPortsList()) {
                ports.put(MacAddress.of(port.getMac()), port.getIpsList().stream().map(Ipv4Address::of)
                        .collect(Collectors.toSet()));
            }
            if (hosts.put(HostId.of(host.getHostId()), new VniPlacement.HostPlacement(ports, host.getBridge())) != null) {
                throw new InvalidValueException("hostId", host.getHostId(), "appears twice in the placement");
            }
        }
        return new VniPlacement(hosts);
    }

    /** Sorted, so equal placements are equal bytes. */
    public static org.netweave.proto.controller.v1.VniPlacement toWire(VniPlacement placement) {
        var wire = org.netweave.proto.controller.v1.VniPlacement.newBuilder();
        placement.hosts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    HostPlacement.Builder host = HostPlacement.newBuilder().setHostId(entry.getKey().value())
                            .setBridge(entry.getValue().bridge());
                    entry.getValue().ports().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .forEach(port -> host.addPorts(PlacedPort.newBuilder().setMac(port.getKey().value())
                                    .addAllIps(port.getValue().stream().sorted().map(Ipv4Address::value).toList())));
                    wire.addHosts(host);
                });
        return wire.build();
    }

    public static org.netweave.proto.controller.v1.ReplicationMode toWire(ReplicationMode mode) {
        return switch (mode) {
            case UNICAST -> org.netweave.proto.controller.v1.ReplicationMode.UNICAST;
            case HYBRID -> org.netweave.proto.controller.v1.ReplicationMode.HYBRID;
            case MULTICAST -> org.netweave.proto.controller.v1.ReplicationMode.MULTICAST;
        };
    }

    public static DlrLif lif(Lif lif) {
        LifSegment segment = switch (lif.getSegmentCase()) {
            case VNI -> new LifSegment.Vxlan(Vni.of(lif.getVni()));
            case VLAN -> new LifSegment.Vlan(VlanId.of(lif.getVlan()));
            case SEGMENT_NOT_SET -> throw new org.netweave.model.InvalidValueException("segment", null,
                    "is missing; a LIF connects to one VNI or one VLAN");
        };
        return new DlrLif(LifId.of(lif.getLifId()), segment,
                new Ipv4InterfaceAddress(Ipv4Address.of(lif.getIp()), lif.getPrefixLength()),
                MacAddress.of(lif.getMac()), lif.getMtu() == 0 ? 1500 : lif.getMtu(), lif.getUplink());
    }

    public static Lif toWire(DlrLif lif) {
        Lif.Builder builder = Lif.newBuilder()
                .setLifId(lif.id().value())
                .setIp(lif.address().address().value())
                .setPrefixLength(lif.address().prefixLength())
                .setMac(lif.vmac().value())
                .setMtu(lif.mtu())
                .setUplink(lif.uplink());
        switch (lif.segment()) {
            case LifSegment.Vxlan vxlan -> builder.setVni(vxlan.vni().value());
            case LifSegment.Vlan vlan -> builder.setVlan(vlan.vlan().value());
        }
        return builder.build();
    }

    public static DlrRoute route(Route route) {
        Ipv4Prefix prefix = new Ipv4Prefix(Ipv4Address.of(route.getPrefix().getAddress()), route.getPrefix().getLength());
        return new DlrRoute(prefix, Ipv4Address.of(route.getNextHop()), LifId.of(route.getLifId()));
    }

    public static List<DlrRoute> routes(List<Route> routes) {
        return routes.stream().map(WireTranslation::route).toList();
    }

    public static Route toWire(DlrRoute route) {
        return Route.newBuilder()
                .setPrefix(prefix(route.prefix()))
                .setNextHop(route.nextHop().value())
                .setLifId(route.lif().value())
                .build();
    }

    public static DlrBridge bridge(Bridge bridge) {
        return new DlrBridge(BridgeId.of(bridge.getBridgeId()), Vni.of(bridge.getVni()), VlanId.of(bridge.getVlan()),
                HostId.of(bridge.getHostId()));
    }

    public static Bridge toWire(DlrBridge bridge) {
        return Bridge.newBuilder().setBridgeId(bridge.id().value()).setVni(bridge.vni().value())
                .setVlan(bridge.vlan().value()).setHostId(bridge.host().value()).build();
    }

    public static VniTables toWire(VniTablesSnapshot snapshot, long epoch) {
        VniTables.Builder tables = VniTables.newBuilder().setVni(snapshot.vni().value()).setEpoch(epoch);
        snapshot.vteps().forEach(vtep -> tables.addVteps(toWire(vtep)));
        snapshot.macs().forEach(mac -> tables.addMacs(toWire(mac)));
        snapshot.arps().forEach(arp -> tables.addArps(toWire(arp)));
        return tables.build();
    }

    public static VniDelta toWire(org.netweave.controller.runtime.VniDelta delta, long epoch) {
        VniDelta.Builder wire = VniDelta.newBuilder().setVni(delta.vni().value()).setEpoch(epoch);
        delta.vtepsAdded().forEach(vtep -> wire.addVtepsAdded(toWire(vtep)));
        delta.vtepsRemoved().forEach(ip -> wire.addVtepsRemoved(ip.value()));
        delta.macsAdded().forEach(mac -> wire.addMacsAdded(toWire(mac)));
        delta.macsRemoved().forEach(mac -> wire.addMacsRemoved(mac.value()));
        delta.arpsAdded().forEach(arp -> wire.addArpsAdded(toWire(arp)));
        delta.arpsRemoved().forEach(ip -> wire.addArpsRemoved(ip.value()));
        return wire.build();
    }

    public static DlrState toWire(DlrStateSnapshot state, long epoch) {
        DlrState.Builder wire = DlrState.newBuilder().setDlrId(state.dlrId().value()).setEpoch(epoch);
        state.lifs().forEach(lif -> wire.addLifs(toWire(lif)));
        state.routes().forEach(route -> wire.addRoutes(toWire(route)));
        state.bridges().forEach(bridge -> wire.addBridges(toWire(bridge)));
        state.designatedInstances().forEach((lif, host) -> wire.putDesignatedInstances(lif.value(), host.value()));
        return wire.build();
    }

    private static Vtep toWire(VtepRow vtep) {
        return Vtep.newBuilder().setIp(vtep.ip().value()).setSegment(prefix(vtep.segment())).setMac(vtep.mac().value()).build();
    }

    private static MacEntry toWire(MacRow mac) {
        return MacEntry.newBuilder().setMac(mac.mac().value()).setVtepIp(mac.vtepIp().value()).build();
    }

    private static ArpEntry toWire(ArpRow arp) {
        return ArpEntry.newBuilder().setIp(arp.ip().value()).setMac(arp.mac().value()).build();
    }

    static org.netweave.proto.controller.v1.Ipv4Prefix prefix(Ipv4Prefix prefix) {
        return org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder()
                .setAddress(prefix.address().value()).setLength(prefix.length()).build();
    }

    static Ipv4Prefix prefix(org.netweave.proto.controller.v1.Ipv4Prefix prefix) {
        return new Ipv4Prefix(Ipv4Address.of(prefix.getAddress()), prefix.getLength());
    }
}
