package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutDlr;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutLogicalSwitch;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * Seed 001's topology on two hypervisors: VNI 5000 (10.0.1.0/24) and VNI 5001 (10.0.2.0/24),
 * DLR edge-1 with a LIF on each (one shared vMAC, as NSX does), vm1 on host A / VNI 5000,
 * vm2 on host B / VNI 5001 and vm3 on host B / VNI 5000. Each host gets the changes a host agent
 * would send it: both switches with both VTEPs, its local ports, the other host's MACs as
 * remote MACs, every ARP binding, and the DLR with both LIFs.
 */
final class SeedFixture {
    static final Ipv4Prefix UNDERLAY = Ipv4Prefix.parse("198.18.0.0/24");
    static final Vni VNI_A = Vni.of(5000);
    static final Vni VNI_B = Vni.of(5001);
    static final DlrId DLR = DlrId.of("edge-1");
    static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");
    static final Lif LIF_A = new Lif(LifId.of("lif-5000"), LifType.INTERNAL, VNI_A,
            Ipv4InterfaceAddress.parse("10.0.1.1/24"), VMAC, false);
    static final Lif LIF_B = new Lif(LifId.of("lif-5001"), LifType.INTERNAL, VNI_B,
            Ipv4InterfaceAddress.parse("10.0.2.1/24"), VMAC, false);

    /** A VM of the fixture: where it runs and what it is. */
    record Vm(String name, int host, Vni vni, MacAddress mac, Ipv4InterfaceAddress address, Ipv4Address gateway) {
        VnicPort port() {
            return new VnicPort(PortId.of(name), vni, mac, Set.of(address.address()));
        }
    }

    static final Vm VM1 = new Vm("vm1", 0, VNI_A, MacAddress.parse("fa:16:3e:00:01:0a"),
            Ipv4InterfaceAddress.parse("10.0.1.10/24"), Ipv4Address.parse("10.0.1.1"));
    static final Vm VM2 = new Vm("vm2", 1, VNI_B, MacAddress.parse("fa:16:3e:00:02:0a"),
            Ipv4InterfaceAddress.parse("10.0.2.10/24"), Ipv4Address.parse("10.0.2.1"));
    static final Vm VM3 = new Vm("vm3", 1, VNI_A, MacAddress.parse("fa:16:3e:00:01:14"),
            Ipv4InterfaceAddress.parse("10.0.1.20/24"), Ipv4Address.parse("10.0.1.1"));
    static final List<Vm> VMS = List.of(VM1, VM2, VM3);
    /** A VM on host A that only the ARP test uses, so its neighbour cache starts empty on every backend. */
    static final Vm VM4 = new Vm("vm4", 0, VNI_A, MacAddress.parse("fa:16:3e:00:01:1e"),
            Ipv4InterfaceAddress.parse("10.0.1.30/24"), Ipv4Address.parse("10.0.1.1"));

    /** Seed 004's bridge: VNI 5001 to VLAN 100, which the bridging tests put on host B. */
    static final Bridge BRIDGE = new Bridge(BridgeId.of("br-app"), VNI_B, VlanId.of(100));
    /** A physical server on VLAN 100, on vm2's subnet, behind the bridge. */
    static final Ipv4InterfaceAddress SERVER = Ipv4InterfaceAddress.parse("10.0.2.100/24");
    static final MacAddress SERVER_MAC = MacAddress.parse("00:11:22:33:44:55");

    private SeedFixture() {
    }

    static Ipv4Address vtep(int host) {
        return Ipv4Address.of(UNDERLAY.address().value() + 1 + host);
    }

    static MacAddress dvrMac(int host) {
        return MacAddress.of(0xfa163f000000L + 0x10 + host);
    }

    static HostDatapathConfig config(int host) {
        return new HostDatapathConfig(HostId.of("host-" + (char) ('a' + host)), vtep(host), UNDERLAY,
                MacAddress.of(0x020000000000L + 0x100 + host), dvrMac(host), HostDatapathConfig.DEFAULT_VXLAN_PORT);
    }

    /** The changes host {@code host} (0 or 1) of a two-host lab receives. */
    static List<DatapathChange> changesFor(int host) {
        return changesFor(host, VMS);
    }

    static List<DatapathChange> changesFor(int host, List<Vm> vms) {
        List<DatapathChange> changes = new ArrayList<>();
        for (Vni vni : List.of(VNI_A, VNI_B)) {
            changes.add(new PutLogicalSwitch(LogicalSwitchSpec.unicast(vni)));
            for (int h = 0; h < 2; h++) {
                changes.add(new PutVtep(vni, new VtepRecord(vtep(h), UNDERLAY)));
            }
        }
        for (Vm vm : vms) {
            if (vm.host() == host) {
                changes.add(new AttachPort(vm.port()));
            } else {
                changes.add(new PutRemoteMac(vm.vni(), vm.mac(), vtep(vm.host())));
            }
            changes.add(new PutArpEntry(vm.vni(), vm.address().address(), vm.mac()));
        }
        changes.add(new PutDlr(DLR));
        changes.add(new PutLif(DLR, LIF_A));
        changes.add(new PutLif(DLR, LIF_B));
        return changes;
    }

    /** Host {@code host}'s desired state, knowing the other host's DVR MAC. */
    static HostState stateOf(int host) {
        return stateOfWithPeers(host, Set.of(dvrMac(0), dvrMac(1)));
    }

    static HostState stateOfWithPeers(int host, Set<MacAddress> peerDvrMacs) {
        HostState s = HostStateBuilder.apply(HostState.empty(config(host)), changesFor(host));
        return HostStateBuilder.withPeerDvrMacs(s, peerDvrMacs);
    }
}
