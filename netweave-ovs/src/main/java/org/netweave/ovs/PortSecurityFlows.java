package org.netweave.ovs;

import static org.netweave.ovs.Action.gotoStage;
import static org.netweave.ovs.IntStage.ARP_SPOOF;
import static org.netweave.ovs.IntStage.LOCAL_SWITCHING;
import static org.netweave.ovs.IntStage.MAC_SPOOF;
import static org.netweave.ovs.IntStage.SPOOFED_IP_DROP;
import static org.netweave.ovs.IntStage.SPOOFED_MAC_DROP;
import static org.netweave.ovs.IntStage.TAGGED_DROP;
import static org.netweave.ovs.IntStage.TRANSIENT;

import java.util.Map;
import java.util.Optional;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;

/**
 * SpoofGuard on br-int, as the Neutron OVS agent's ARP and MAC spoofing protection does it
 * (tables 24 and 25), plus the IPv4 source check its firewall would add: a frame from a VM port
 * goes on to NORMAL only untagged, with the port's MAC as source; an ARP only with the port's MAC
 * and one of its addresses (or 0.0.0.0, a probe) as sender; an IPv4 packet only from one of its
 * addresses, or from 0.0.0.0 as a DHCP request. Everything else goes to the drop table of its
 * reason, before NORMAL can learn the claimed MAC; those tables' single flows count the drops. A
 * port without addresses has its MAC checked only. (The port itself waits on the dead VLAN until
 * these flows are in: {@link OvsDatapath}.)
 *
 * <p>The entry flows sit above every other LOCAL_SWITCHING flow (Neutron uses 9 and 10; here 100
 * to 120), since one of those matches ARP replies without an in_port and a VM could send one.
 */
final class PortSecurityFlows {
    /** An untagged frame: a tag would hide the ARP or IPv4 header from the checks, and TRANSIENT matches on tags. */
    private static final String UNTAGGED = "vlan_tci=0x0000/0x1000";
    private static final Map<IntStage, DropReason> DROPS = Map.of(
            SPOOFED_IP_DROP, DropReason.SPOOFED_IP,
            SPOOFED_MAC_DROP, DropReason.SPOOFED_MAC,
            TAGGED_DROP, DropReason.TAGGED_FROM_VNIC);

    private PortSecurityFlows() {
    }

    static void build(FlowSet flows, Iterable<VnicPort> ports) {
        DROPS.keySet().forEach(table -> flows.add(table, 0, "", Action.of("drop")));
        flows.add(ARP_SPOOF, 0, "", gotoStage(SPOOFED_MAC_DROP));
        flows.add(MAC_SPOOF, 0, "", gotoStage(SPOOFED_MAC_DROP));
        for (VnicPort port : ports) {
            port(flows, port);
        }
    }

    private static void port(FlowSet flows, VnicPort port) {
        String in = "in_port=" + OvsNames.vnicDevice(port.id());
        String mac = port.mac().toString();
        flows.add(LOCAL_SWITCHING, 120, in + ",vlan_tci=0x1000/0x1000", gotoStage(TAGGED_DROP));
        flows.add(LOCAL_SWITCHING, 110, "arp," + in, gotoStage(ARP_SPOOF));
        flows.add(LOCAL_SWITCHING, 100, in, gotoStage(MAC_SPOOF));
        if (port.addresses().isEmpty()) {
            flows.add(ARP_SPOOF, 2, "arp," + in + ",arp_sha=" + mac, gotoStage(MAC_SPOOF));
        } else {
            for (String ip : port.addresses().stream().sorted().map(Ipv4Address::toString).toList()) {
                flows.add(ARP_SPOOF, 2, "arp," + in + ",arp_sha=" + mac + ",arp_spa=" + ip, gotoStage(MAC_SPOOF));
                flows.add(MAC_SPOOF, 3, "ip," + in + "," + UNTAGGED + ",dl_src=" + mac + ",nw_src=" + ip,
                        gotoStage(TRANSIENT));
            }
            flows.add(ARP_SPOOF, 2, "arp," + in + ",arp_sha=" + mac + ",arp_spa=0.0.0.0", gotoStage(MAC_SPOOF));
            flows.add(MAC_SPOOF, 3, "udp," + in + "," + UNTAGGED + ",dl_src=" + mac + ",nw_src=0.0.0.0,tp_src=68,tp_dst=67",
                    gotoStage(TRANSIENT));
            flows.add(ARP_SPOOF, 1, "arp," + in + ",arp_sha=" + mac, gotoStage(SPOOFED_IP_DROP));
            flows.add(MAC_SPOOF, 2, "ip," + in + ",dl_src=" + mac, gotoStage(SPOOFED_IP_DROP));
        }
        flows.add(MAC_SPOOF, 1, in + "," + UNTAGGED + ",dl_src=" + mac, gotoStage(TRANSIENT));
    }

    /** The reason a drop in {@code stage} counts under; empty for every other stage. */
    static Optional<DropReason> dropReason(Stage stage) {
        return Optional.ofNullable(stage instanceof IntStage s ? DROPS.get(s) : null);
    }
}
