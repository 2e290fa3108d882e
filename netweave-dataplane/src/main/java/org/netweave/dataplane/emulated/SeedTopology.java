package org.netweave.dataplane.emulated;

import java.io.Closeable;
import java.util.List;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * The topology of the seed documents, built statically on emulated hosts: logical switches
 * VXLAN 5000 and 5001, a DLR with LIFs 10.0.1.1/24 and 10.0.2.1/24, VM1 (10.0.1.10) on host A,
 * VM2 (10.0.2.10) on host B, and a bridge VXLAN 5001 ↔ VLAN 100 with a physical server
 * 10.0.2.100. Hosts form two clusters, each its own VTEP segment (127.0.1.0/24, 127.0.2.0/24);
 * the bridge runs on the first host of the second cluster (where the control VM would run).
 */
public final class SeedTopology implements Closeable {
    public static final Vni VNI_5000 = Vni.of(5000);
    public static final Vni VNI_5001 = Vni.of(5001);
    public static final VlanId VLAN_100 = VlanId.of(100);
    public static final DlrId DLR = DlrId.of("edge-1");
    /** The NSX-V default vMAC, shared by every LIF on every host. */
    public static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");

    private final EmulatedLab lab;
    private final EmulatedEndpoint vm1;
    private final EmulatedEndpoint vm2;
    private final EmulatedEndpoint physicalServer;
    private final EmulatedHost bridgeHost;

    private SeedTopology(EmulatedLab lab, EmulatedEndpoint vm1, EmulatedEndpoint vm2, EmulatedEndpoint server,
            EmulatedHost bridgeHost) {
        this.lab = lab;
        this.vm1 = vm1;
        this.vm2 = vm2;
        this.physicalServer = server;
        this.bridgeHost = bridgeHost;
    }

    /** Builds the seed topology on {@code hostCount} ≥ 2 hosts using the given VXLAN port. */
    public static SeedTopology build(int hostCount, int vxlanPort) {
        if (hostCount < 2) {
            throw new org.netweave.model.InvalidValueException("hosts", hostCount, "must be at least 2 (VM1 and VM2 run on different hosts)");
        }
        EmulatedLab lab = new EmulatedLab(true);
        try {
            int firstCluster = (hostCount + 1) / 2;
            for (int i = 0; i < hostCount; i++) {
                int cluster = i < firstCluster ? 1 : 2;
                int index = i < firstCluster ? i + 1 : i - firstCluster + 1;
                lab.addHost(hostName(i), Ipv4Address.parse("127.0." + cluster + "." + index),
                        Ipv4Prefix.parse("127.0." + cluster + ".0/24"), vxlanPort);
            }
            lab.addLogicalSwitch(LogicalSwitchSpec.unicast(VNI_5000));
            lab.addLogicalSwitch(LogicalSwitchSpec.unicast(VNI_5001));
            lab.addDlr(DLR, List.of(
                    new Lif(LifId.of("lif-5000"), LifType.INTERNAL, VNI_5000, Ipv4InterfaceAddress.parse("10.0.1.1/24"), VMAC, false),
                    new Lif(LifId.of("lif-5001"), LifType.INTERNAL, VNI_5001, Ipv4InterfaceAddress.parse("10.0.2.1/24"), VMAC, false)));
            EmulatedEndpoint vm1 = lab.addVm("vm1", lab.host(hostName(0)), VNI_5000, MacAddress.parse("00:50:56:00:01:0a"),
                    Ipv4InterfaceAddress.parse("10.0.1.10/24"), Ipv4Address.parse("10.0.1.1"));
            EmulatedEndpoint vm2 = lab.addVm("vm2", lab.host(hostName(1)), VNI_5001, MacAddress.parse("00:50:56:00:02:0a"),
                    Ipv4InterfaceAddress.parse("10.0.2.10/24"), Ipv4Address.parse("10.0.2.1"));
            EmulatedHost bridgeHost = lab.host(hostName(Math.min(firstCluster, hostCount - 1)));
            lab.addBridge(new Bridge(BridgeId.of("bridge-5001-100"), VNI_5001, VLAN_100), bridgeHost);
            EmulatedEndpoint server = lab.addPhysicalServer("server-1", VLAN_100, MacAddress.parse("00:11:22:33:44:55"),
                    Ipv4InterfaceAddress.parse("10.0.2.100/24"), Ipv4Address.parse("10.0.2.1"));
            return new SeedTopology(lab, vm1, vm2, server, bridgeHost);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** host-a, host-b, … */
    public static String hostName(int i) {
        return "host-" + (char) ('a' + i % 26) + (i >= 26 ? Integer.toString(i / 26) : "");
    }

    public EmulatedLab lab() {
        return lab;
    }

    public EmulatedEndpoint vm1() {
        return vm1;
    }

    public EmulatedEndpoint vm2() {
        return vm2;
    }

    public EmulatedEndpoint physicalServer() {
        return physicalServer;
    }

    public EmulatedHost bridgeHost() {
        return bridgeHost;
    }

    @Override
    public void close() {
        lab.close();
    }
}
