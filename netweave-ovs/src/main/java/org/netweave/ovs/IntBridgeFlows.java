package org.netweave.ovs;

import static org.netweave.ovs.Action.gotoStage;
import static org.netweave.ovs.IntStage.ARP_DVR_MAC_TO_DST_MAC;
import static org.netweave.ovs.IntStage.CANARY;
import static org.netweave.ovs.IntStage.DVR_TO_SRC_MAC;
import static org.netweave.ovs.IntStage.LOCAL_SWITCHING;
import static org.netweave.ovs.IntStage.TRANSIENT;

import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.MacAddress;
import org.netweave.ovs.FlowTranslator.Context;

/** br-int's flows: NORMAL switching plus the DVR entry points of the Neutron OVS agent, and DVR into bridged VLANs. */
final class IntBridgeFlows {
    private IntBridgeFlows() {
    }

    static void build(Context ctx, FlowSet flows) {
        base(ctx, flows);
        PortSecurityFlows.build(flows, ctx.state().ports().values());
        for (var entry : ctx.lifByVni().entrySet()) {
            Lif lif = entry.getValue();
            int lvid = ctx.lvid(entry.getKey());
            dvrSubnet(ctx, flows, lif, lvid);
            for (VnicPort port : ctx.localPorts(entry.getKey())) {
                dvrServicedPort(flows, lif, lvid, port);
            }
        }
        for (Bridge bridge : ctx.state().bridges().values()) {
            Lif lif = ctx.lifByVni().get(bridge.vni());
            if (lif != null) {
                dvrBridged(flows, lif, ctx.lvid(bridge.vni()), OvsNames.bridgeIntPatch(bridge.vlan()));
            }
        }
    }

    /** setup_dvr_flows: the canary, the default path to NORMAL, and the DVR MAC classifiers. */
    private static void base(Context ctx, FlowSet flows) {
        flows.add(CANARY, 0, "", Action.of("drop"));
        flows.add(LOCAL_SWITCHING, 0, "", gotoStage(TRANSIENT));
        flows.add(TRANSIENT, 1, "", Action.of("NORMAL"));
        flows.add(DVR_TO_SRC_MAC, 1, "", Action.of("drop"));
        // Routed frames from another host carry that host's DVR MAC as source.
        for (MacAddress peer : ctx.state().peerDvrMacs()) {
            flows.add(LOCAL_SWITCHING, 2, "in_port=" + FlowTranslator.PATCH_TUN + ",dl_src=" + peer,
                    gotoStage(DVR_TO_SRC_MAC));
        }
        // Frames a remote ARP responder addressed to this host's own DVR MAC.
        flows.add(LOCAL_SWITCHING, 5, "in_port=" + FlowTranslator.PATCH_TUN + ",dl_dst=" + ctx.dvrMac(),
                gotoStage(ARP_DVR_MAC_TO_DST_MAC));
    }

    /** A router interface bound on this host (_bind_distributed_router_interface_port, steps 4 and 7). */
    private static void dvrSubnet(Context ctx, FlowSet flows, Lif lif, int lvid) {
        String gatewayMac = lif.vmac().toString();
        flows.add(ARP_DVR_MAC_TO_DST_MAC, 5, "dl_vlan=" + lvid + ",dl_dst=" + ctx.dvrMac(),
                Action.of("mod_dl_dst:" + gatewayMac), Action.of("strip_vlan"),
                Action.of("output:" + ctx.qrByVni().get(lif.vni())));
        flows.add(LOCAL_SWITCHING, 99, "arp,arp_op=2,dl_dst=" + ctx.dvrMac() + ",arp_tha=" + gatewayMac,
                Action.of("mod_dl_dst:" + gatewayMac), gotoStage(TRANSIENT));
    }

    /**
     * install_dvr_to_src_mac for a VM port on a DVR subnet: a routed frame from a remote host
     * leaves with the subnet's gateway MAC as source, as if the local router had routed it.
     */
    private static void dvrServicedPort(FlowSet flows, Lif lif, int lvid, VnicPort port) {
        String match = "dl_vlan=" + lvid + ",dl_dst=" + port.mac();
        flows.add(DVR_TO_SRC_MAC, 20, match, Action.of("mod_dl_src:" + lif.vmac()), gotoStage(TRANSIENT));
        flows.add(TRANSIENT, 20, match, Action.of("strip_vlan"), Action.of("output:" + OvsNames.vnicDevice(port.id())));
    }

    /**
     * A routed subnet that this host also bridges to a VLAN. Hosts route for themselves, so
     * frames routed elsewhere into the bridged VNI reach this host with the router's DVR MAC as
     * source, bound for a MAC on the VLAN that no l2pop entry knows:
     * <ul>
     *   <li>they leave through the bridge with the gateway MAC as source, as the local router
     *       would send them; explicitly, not by NORMAL, so that br-int never learns the gateway
     *       MAC behind the tunnel, where its own qr- port also answers to it;</li>
     *   <li>an ARP reply from the VLAN to the gateway MAC answers some host's router, and only
     *       the asking host knows which: it goes to every host of the VNI as a broadcast, which
     *       the asking router accepts for its pending entry and the others ignore.</li>
     * </ul>
     * A bridge without a router on its VNI needs neither: plain L2 frames take NORMAL through
     * the patch pair, whose access tags translate the local VLAN to the bridged one.
     */
    private static void dvrBridged(FlowSet flows, Lif lif, int lvid, String bridgePort) {
        flows.add(DVR_TO_SRC_MAC, 10, "dl_vlan=" + lvid, Action.of("mod_dl_src:" + lif.vmac()), Action.of("strip_vlan"),
                Action.of("output:" + bridgePort));
        flows.add(LOCAL_SWITCHING, 6, "in_port=" + bridgePort + ",arp,arp_op=2,dl_dst=" + lif.vmac(),
                Action.of("mod_dl_dst:ff:ff:ff:ff:ff:ff"), gotoStage(TRANSIENT));
    }
}
