package org.netweave.bench;

import java.util.ArrayList;
import java.util.List;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutDlr;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutLogicalSwitch;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.dataplane.emulated.ForwardingEngine;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.packet.Vxlan;

/**
 * One host's tables for a routed overlay of a given {@link OverlayShape}, configured as a
 * controller would: switch {@code s} is VNI 5000+s with LIF 10.0.(s+1).1/24 of DLR "edge-1";
 * VM {@code v} sits on switch {@code v mod switches} at 10.0.(s+1).(10+v/switches); VMs below
 * {@code localVms} run on this host (VTEP 127.0.1.1), the others behind remote VTEP
 * 127.0.2.(1 + v mod remoteVteps); each switch has a gateway 10.0.(s+1).254 behind a remote
 * VTEP, and the static routes leave through those gateways. Every remote MAC and every ARP
 * binding is pushed, so the packet path never floods or holds.
 */
final class RoutedOverlay {
    static final DlrId DLR = DlrId.of("edge-1");
    static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");
    static final MacAddress ROUTER_MAC = MacAddress.parse("02:50:56:00:01:01");
    static final Ipv4Address LOCAL_VTEP = Ipv4Address.parse("127.0.1.1");
    private static final Ipv4Prefix LOCAL_SEGMENT = Ipv4Prefix.parse("127.0.1.0/24");
    private static final Ipv4Prefix REMOTE_SEGMENT = Ipv4Prefix.parse("127.0.2.0/24");
    private static final int GATEWAY_HOST = 254;
    private static final int FIRST_VM_HOST = 10;

    final OverlayShape shape;
    final ForwardingEngine engine;
    final CountingWire wire = new CountingWire();
    /** The routes installed, for computing the expected next hop of routed flows. */
    final NaiveRouteTable routes = new NaiveRouteTable();
    final InternetLikeRoutes table;

    RoutedOverlay(OverlayShape shape) {
        this.shape = shape;
        this.engine = new ForwardingEngine(new HostDatapathConfig(HostId.of("host-a"), LOCAL_VTEP, LOCAL_SEGMENT,
                MacAddress.of(EmulatedUnderlay.vtepMac(LOCAL_VTEP.value())), ROUTER_MAC, Vxlan.DEFAULT_UDP_PORT), wire);
        this.table = shape.routes() == 0 ? null : routesOutside10(shape.routes());
        engine.apply(switchesAndLifs());
        engine.apply(vmsAndGateways());
        if (table != null) {
            engine.apply(staticRoutes());
        }
    }

    int vni(int sw) {
        return Vni.MIN + sw;
    }

    int vmSwitch(int vm) {
        return vm % shape.switches();
    }

    int vmIp(int vm) {
        return subnet(vmSwitch(vm)) | (FIRST_VM_HOST + vm / shape.switches());
    }

    long vmMac(int vm) {
        return 0x0050_5601_0000L | vm;
    }

    boolean isLocal(int vm) {
        return vm < shape.localVms();
    }

    int vmVtep(int vm) {
        return remoteVtep(vm % shape.remoteVteps());
    }

    PortId port(int vm) {
        return PortId.of("vm" + vm + ".000");
    }

    int gatewayIp(int sw) {
        return subnet(sw) | GATEWAY_HOST;
    }

    long gatewayMac(int sw) {
        return 0x0050_5602_0000L | sw;
    }

    int gatewayVtep(int sw) {
        return remoteVtep(sw % shape.remoteVteps());
    }

    private static int subnet(int sw) {
        return 10 << 24 | (sw + 1) << 8;
    }

    private static int remoteVtep(int i) {
        return REMOTE_SEGMENT.address().value() | (i + 1);
    }

    private List<DatapathChange> switchesAndLifs() {
        List<DatapathChange> changes = new ArrayList<>();
        changes.add(new PutDlr(DLR));
        for (int s = 0; s < shape.switches(); s++) {
            Vni vni = Vni.of(vni(s));
            changes.add(new PutLogicalSwitch(LogicalSwitchSpec.unicast(vni)));
            changes.add(new PutVtep(vni, new VtepRecord(LOCAL_VTEP, LOCAL_SEGMENT)));
            for (int i = 0; i < shape.remoteVteps(); i++) {
                changes.add(new PutVtep(vni, new VtepRecord(Ipv4Address.of(remoteVtep(i)), REMOTE_SEGMENT)));
            }
            changes.add(new PutLif(DLR, new Lif(LifId.of("lif-" + vni.value()), LifType.INTERNAL, vni,
                    new Ipv4InterfaceAddress(Ipv4Address.of(subnet(s) | 1), 24), VMAC, false)));
        }
        return changes;
    }

    private List<DatapathChange> vmsAndGateways() {
        List<DatapathChange> changes = new ArrayList<>();
        for (int v = 0; v < shape.vms(); v++) {
            Vni vni = Vni.of(vni(vmSwitch(v)));
            MacAddress mac = MacAddress.of(vmMac(v));
            if (isLocal(v)) {
                changes.add(new AttachPort(new VnicPort(port(v), vni, mac)));
            } else {
                changes.add(new PutRemoteMac(vni, mac, Ipv4Address.of(vmVtep(v))));
            }
            changes.add(new PutArpEntry(vni, Ipv4Address.of(vmIp(v)), mac));
        }
        for (int s = 0; s < shape.switches(); s++) {
            Vni vni = Vni.of(vni(s));
            MacAddress mac = MacAddress.of(gatewayMac(s));
            changes.add(new PutRemoteMac(vni, mac, Ipv4Address.of(gatewayVtep(s))));
            changes.add(new PutArpEntry(vni, Ipv4Address.of(gatewayIp(s)), mac));
        }
        return changes;
    }

    /** Route i leaves through the gateway of switch {@code values[i] mod switches}. */
    private List<DatapathChange> staticRoutes() {
        List<DatapathChange> changes = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            int sw = table.values()[i] % shape.switches();
            Ipv4Prefix prefix = new Ipv4Prefix(Ipv4Address.of(table.prefixes()[i]), table.lengths()[i]);
            changes.add(new PutRoute(DLR, new StaticRoute(prefix, LifId.of("lif-" + vni(sw)),
                    Ipv4Address.of(gatewayIp(sw)))));
            routes.put(table.prefixes()[i], table.lengths()[i], sw);
        }
        return changes;
    }

    /** Internet-like routes with none inside 10.0.0.0/8, where the LIF subnets are. */
    private static InternetLikeRoutes routesOutside10(int count) {
        InternetLikeRoutes all = InternetLikeRoutes.generate(count + count / 50, 2024);
        int[] prefixes = new int[count];
        int[] lengths = new int[count];
        int[] values = new int[count];
        int n = 0;
        for (int i = 0; i < all.size() && n < count; i++) {
            if (all.prefixes()[i] >>> 24 != 10) {
                prefixes[n] = all.prefixes()[i];
                lengths[n] = all.lengths()[i];
                values[n] = all.values()[i];
                n++;
            }
        }
        if (n < count) {
            throw new IllegalStateException("only " + n + " routes outside 10.0.0.0/8");
        }
        return new InternetLikeRoutes(prefixes, lengths, values);
    }
}
