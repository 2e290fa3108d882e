package org.netweave.ovs;

import static org.netweave.ovs.Action.gotoStage;
import static org.netweave.ovs.TunStage.ARP_RESPONDER;
import static org.netweave.ovs.TunStage.DVR_NOT_LEARN;
import static org.netweave.ovs.TunStage.DVR_PROCESS;
import static org.netweave.ovs.TunStage.FLOOD_TO_TUN;
import static org.netweave.ovs.TunStage.LEARN_FROM_TUN;
import static org.netweave.ovs.TunStage.LOCAL_SWITCHING;
import static org.netweave.ovs.TunStage.PATCH_LV_TO_TUN;
import static org.netweave.ovs.TunStage.UCAST_TO_TUN;
import static org.netweave.ovs.TunStage.VXLAN_TUN_TO_LV;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.netweave.dataplane.Lif;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.ovs.FlowTranslator.Context;
import org.netweave.ovs.HostState.SwitchState;

/** br-tun's flows: tunnel classification, the DVR source-MAC rewrite, l2pop, ARP responder, flooding. */
final class TunBridgeFlows {
    private static final String UNICAST = "dl_dst=00:00:00:00:00:00/01:00:00:00:00:00";
    private static final String MULTICAST = "dl_dst=01:00:00:00:00:00/01:00:00:00:00:00";

    private TunBridgeFlows() {
    }

    static void build(Context ctx, FlowSet flows) {
        base(ctx, flows);
        for (SwitchState s : ctx.state().switches().values()) {
            network(ctx, flows, s);
        }
        ctx.lifByVni().forEach((vni, lif) -> dvrSubnet(ctx, flows, lif, ctx.lvid(vni)));
    }

    /** The fixed pipeline between the stages, in DVR mode (patch-int enters DVR_PROCESS, not PATCH_LV_TO_TUN). */
    private static void base(Context ctx, FlowSet flows) {
        flows.add(LOCAL_SWITCHING, 1, "in_port=" + FlowTranslator.PATCH_INT, gotoStage(DVR_PROCESS));
        flows.add(LOCAL_SWITCHING, 0, "", Action.of("drop"));
        for (Ipv4Address vtep : FlowTranslator.tunnelVteps(ctx.state())) {
            flows.add(LOCAL_SWITCHING, 1, "in_port=" + OvsNames.tunnelPort(vtep), gotoStage(VXLAN_TUN_TO_LV));
        }
        flows.add(DVR_PROCESS, 0, "", gotoStage(PATCH_LV_TO_TUN));
        flows.add(PATCH_LV_TO_TUN, 0, UNICAST, gotoStage(UCAST_TO_TUN));
        flows.add(PATCH_LV_TO_TUN, 1, "arp,dl_dst=ff:ff:ff:ff:ff:ff", gotoStage(ARP_RESPONDER));
        flows.add(PATCH_LV_TO_TUN, 0, MULTICAST, gotoStage(FLOOD_TO_TUN));
        flows.add(VXLAN_TUN_TO_LV, 0, "", Action.of("drop"));
        flows.add(DVR_NOT_LEARN, 0, "", gotoStage(LEARN_FROM_TUN));
        // A remote DVR MAC is shared by all routers of its host, on every VNI: never learn it.
        for (MacAddress peer : ctx.state().peerDvrMacs()) {
            flows.add(DVR_NOT_LEARN, 1, "dl_src=" + peer, Action.of("output:" + FlowTranslator.PATCH_INT));
        }
        // Neutron installs a learn() action here for networks without l2pop. Every remote MAC
        // here comes from the controller (l2pop), so learning would only add timed-out copies.
        flows.add(LEARN_FROM_TUN, 1, "", Action.of("output:" + FlowTranslator.PATCH_INT));
        flows.add(UCAST_TO_TUN, 0, "", gotoStage(FLOOD_TO_TUN));
        flows.add(ARP_RESPONDER, 0, "", gotoStage(FLOOD_TO_TUN));
        flows.add(FLOOD_TO_TUN, 0, "", Action.of("drop"));
    }

    /** A network provisioned on this host: VNI ↔ local VLAN, l2pop unicast and flooding, ARP responder. */
    private static void network(Context ctx, FlowSet flows, SwitchState s) {
        Vni vni = s.vni();
        int lvid = ctx.lvid(vni);
        String vlan = "dl_vlan=" + lvid;
        flows.add(VXLAN_TUN_TO_LV, 1, "tun_id=" + vni.value(), Action.of("push_vlan:0x8100"),
                Action.of("set_field:" + (0x1000 | lvid) + "->vlan_vid"), gotoStage(DVR_NOT_LEARN));
        Ipv4Address self = ctx.state().config().vtepIp();
        s.allRemoteMacs().forEach((mac, vtep) -> {
            if (!vtep.equals(self)) {
                flows.add(UCAST_TO_TUN, 2, vlan + ",dl_dst=" + mac, Action.of("strip_vlan"),
                        Action.of("set_field:" + vni.value() + "->tun_id"), Action.of("output:" + OvsNames.tunnelPort(vtep)));
            }
        });
        String outputs = s.floodVteps().stream().filter(v -> !v.equals(self))
                .map(v -> "output:" + OvsNames.tunnelPort(v)).collect(Collectors.joining(","));
        if (!outputs.isEmpty()) {
            flows.add(FLOOD_TO_TUN, 1, vlan, Action.of("strip_vlan"), Action.of("set_field:" + vni.value() + "->tun_id"),
                    Action.of(outputs));
        }
        Set<MacAddress> answeredLocally = new HashSet<>();
        ctx.localPorts(vni).forEach(p -> answeredLocally.add(p.mac()));
        if (ctx.lifByVni().containsKey(vni)) {
            answeredLocally.add(ctx.lifByVni().get(vni).vmac());
        }
        s.allArp().forEach((ip, mac) -> {
            // Local VMs and the local qr- port answer for themselves on br-int; like l2pop, the
            // responder holds only what lies behind tunnels.
            if (!answeredLocally.contains(mac)) {
                flows.add(ARP_RESPONDER, 1, "arp," + vlan + ",arp_tpa=" + ip, arpReply(ip, mac));
            }
        });
    }

    /** Turns the ARP request into the reply in place and sends it back where it came from. */
    private static Action arpReply(Ipv4Address ip, MacAddress mac) {
        return Action.of("move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],set_field:" + mac + "->eth_src,set_field:2->arp_op,"
                + "move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],"
                + "set_field:" + mac + "->arp_sha,set_field:" + ip + "->arp_spa,IN_PORT");
    }

    /** install_dvr_process and the ARP block of a router interface bound on this host. */
    private static void dvrSubnet(Context ctx, FlowSet flows, Lif lif, int lvid) {
        String vlan = "dl_vlan=" + lvid;
        // Every host routes for itself: frames to the gateway MAC never leave the host.
        flows.add(DVR_PROCESS, 2, vlan + ",dl_dst=" + lif.vmac(), Action.of("drop"));
        // The shared gateway MAC becomes this host's unique DVR MAC on the wire.
        flows.add(DVR_PROCESS, 1, vlan + ",dl_src=" + lif.vmac(), Action.of("mod_dl_src:" + ctx.dvrMac()),
                gotoStage(PATCH_LV_TO_TUN));
        // Every host answers ARP for the gateway itself; a request for it must not be flooded.
        // (Replies to the gateway may be: a bridge host floods those from its VLAN.)
        flows.add(FLOOD_TO_TUN, 3, "arp,arp_op=1," + vlan + ",arp_tpa=" + lif.address().address(), Action.of("drop"));
    }
}
