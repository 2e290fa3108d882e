package org.netweave.hostagent;

import org.netweave.model.Ipv4Address;
import org.netweave.proto.controller.v1.ArpEntry;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.MacEntry;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniTables;
import org.netweave.proto.controller.v1.Vtep;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.ExternalBinding;
import org.netweave.proto.manager.v1.ExternalVtepConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/** Seed 001 as the wire carries it to host A: the configuration and what the owners send back. */
final class DatapathFixtures {
    static final int VTEP_A = ip("127.0.1.11");
    static final int VTEP_B = ip("127.0.1.12");
    static final long VMAC = 0x0250_5656_4452L;
    static final long VM1_MAC = 0x0050_5600_010AL;
    static final long VM2_MAC = 0x0050_5600_020AL;

    private DatapathFixtures() {
    }

    static int ip(String dotted) {
        return Ipv4Address.parse(dotted).value();
    }

    /** Host A: VM1 on VNI 5000, the DLR edge-1, switches 5000 and 5001 with an external VTEP on 5001. */
    static HostConfig.Builder hostA() {
        return HostConfig.newBuilder().setHostId("host-a").setGeneration(3).setVtepIp(VTEP_A)
                .setRouterMac(0x0250_5600_0101L).addControllers("127.0.0.1:7001")
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5000).setName("web")
                        .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.UNICAST))
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5001).setName("app")
                        .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.UNICAST)
                        .addExternalVteps(ExternalVtepConfig.newBuilder().setVtepIp(ip("127.0.2.1"))
                                .addBindings(ExternalBinding.newBuilder().setMac(0x0050_5600_0364L).setIp(ip("10.0.2.100")))))
                .addDlrs(DlrInstanceConfig.newBuilder().setDlrId("edge-1"))
                .addVnics(VnicConfig.newBuilder().setVmId("vm1").setIndex(0).setMac(VM1_MAC).setIp(ip("10.0.1.10"))
                        .setVni(5000).setConnected(true))
                .addVnics(VnicConfig.newBuilder().setVmId("vm3").setIndex(1).setMac(0x0050_5600_030AL).setVni(5000)
                        .setConnected(false));
    }

    static DlrState dlr() {
        return DlrState.newBuilder().setDlrId("edge-1").setEpoch(4)
                .addLifs(lif("lif-1", 5000, "10.0.1.1"))
                .addLifs(lif("lif-2", 5001, "10.0.2.1"))
                .addLifs(Lif.newBuilder().setLifId("lif-vlan").setVlan(100).setIp(ip("192.168.0.1")).setPrefixLength(24)
                        .setMac(VMAC + 1))
                .addRoutes(route("10.0.1.0", 24, 0, "lif-1"))
                .addRoutes(route("10.0.2.0", 24, 0, "lif-2"))
                .addRoutes(route("0.0.0.0", 0, ip("10.0.1.254"), "lif-1"))
                .addRoutes(route("192.168.0.0", 24, 0, "lif-vlan"))
                .putDesignatedInstances("lif-2", "host-a")
                .build();
    }

    static Lif lif(String id, int vni, String address) {
        return Lif.newBuilder().setLifId(id).setVni(vni).setIp(ip(address)).setPrefixLength(24).setMac(VMAC).setMtu(1500).build();
    }

    static Route route(String prefix, int length, int nextHop, String lif) {
        return Route.newBuilder().setPrefix(Ipv4Prefix.newBuilder().setAddress(ip(prefix)).setLength(length))
                .setNextHop(nextHop).setLifId(lif).build();
    }

    static Vtep vtep(int ip) {
        return Vtep.newBuilder().setIp(ip).setSegment(Ipv4Prefix.newBuilder().setAddress(ip).setLength(32)).build();
    }

    /** VNI 5001 at its owner: both VTEPs, VM2 behind host B's. */
    static VniTables vni5001() {
        return VniTables.newBuilder().setVni(5001).setEpoch(2).addVteps(vtep(VTEP_A)).addVteps(vtep(VTEP_B))
                .addMacs(MacEntry.newBuilder().setMac(VM2_MAC).setVtepIp(VTEP_B))
                .addArps(ArpEntry.newBuilder().setIp(ip("10.0.2.10")).setMac(VM2_MAC)).build();
    }

    /** VNI 5000 at its owner: host A's own VTEP and VM1, which the host must not install as remote. */
    static VniTables vni5000() {
        return VniTables.newBuilder().setVni(5000).setEpoch(2).addVteps(vtep(VTEP_A))
                .addMacs(MacEntry.newBuilder().setMac(VM1_MAC).setVtepIp(VTEP_A))
                .addArps(ArpEntry.newBuilder().setIp(ip("10.0.1.10")).setMac(VM1_MAC)).build();
    }
}
