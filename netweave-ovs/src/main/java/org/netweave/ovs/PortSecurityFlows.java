package org.netweave.ovs;

import static org.netweave.ovs.Action.gotoStage;
import static org.netweave.ovs.IntStage.ARP_SPOOF;
import static org.netweave.ovs.IntStage.LOCAL_SWITCHING;
import static org.netweave.ovs.IntStage.MAC_SPOOF;
import static org.netweave.ovs.IntStage.TRANSIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;

/**
 * SpoofGuard on br-int, as the Neutron OVS agent's ARP and MAC spoofing protection does it
 * (tables 24 and 25), plus the IPv4 source check its firewall would add: a frame from a VM port
 * goes on to NORMAL only with the port's MAC as source, an ARP only with the port's MAC and one
 * of its addresses as sender, an IPv4 packet only from one of its addresses (or 0.0.0.0, for
 * DHCP and ARP probes). Everything else ends in a drop flow, before NORMAL can learn the claimed
 * MAC; the drop flows' packet counts are the SPOOFED_MAC and SPOOFED_IP counters. A port without
 * addresses has its MAC checked only.
 *
 * <p>The entry flows sit above every other LOCAL_SWITCHING flow (Neutron uses 9 and 10; here 100
 * and 110), since one of those matches ARP replies without an in_port and a VM could send one.
 */
final class PortSecurityFlows {
    /**
     * The drop flows' priorities, in both tables: a drop at {@code IP_DROP} had the port's MAC and
     * another address (SPOOFED_IP), a drop at {@code MAC_DROP} another MAC (SPOOFED_MAC).
     */
    static final int ARP_IP_DROP = 1;
    static final int MAC_IP_DROP = 2;
    static final int MAC_DROP = 0;

    private PortSecurityFlows() {
    }

    static void build(FlowSet flows, Iterable<VnicPort> ports) {
        flows.add(ARP_SPOOF, MAC_DROP, "", Action.of("drop"));
        flows.add(MAC_SPOOF, MAC_DROP, "", Action.of("drop"));
        for (VnicPort port : ports) {
            port(flows, port);
        }
    }

    private static void port(FlowSet flows, VnicPort port) {
        String in = "in_port=" + OvsNames.vnicDevice(port.id());
        String mac = port.mac().toString();
        flows.add(LOCAL_SWITCHING, 110, "arp," + in, gotoStage(ARP_SPOOF));
        flows.add(LOCAL_SWITCHING, 100, in, gotoStage(MAC_SPOOF));
        if (port.addresses().isEmpty()) {
            flows.add(ARP_SPOOF, 2, "arp," + in + ",arp_sha=" + mac, gotoStage(MAC_SPOOF));
        } else {
            for (String ip : senders(port)) {
                flows.add(ARP_SPOOF, 2, "arp," + in + ",arp_sha=" + mac + ",arp_spa=" + ip, gotoStage(MAC_SPOOF));
                flows.add(MAC_SPOOF, 3, "ip," + in + ",dl_src=" + mac + ",nw_src=" + ip, gotoStage(TRANSIENT));
            }
            flows.add(ARP_SPOOF, ARP_IP_DROP, "arp," + in + ",arp_sha=" + mac, Action.of("drop"));
            flows.add(MAC_SPOOF, MAC_IP_DROP, "ip," + in + ",dl_src=" + mac, Action.of("drop"));
        }
        flows.add(MAC_SPOOF, 1, in + ",dl_src=" + mac, gotoStage(TRANSIENT));
    }

    /** What a drop by the flow at {@code priority} of {@code stage} counts as; empty for every other flow. */
    static Optional<DropReason> dropReason(Stage stage, int priority) {
        if (stage == ARP_SPOOF && priority == ARP_IP_DROP || stage == MAC_SPOOF && priority == MAC_IP_DROP) {
            return Optional.of(DropReason.SPOOFED_IP);
        }
        if ((stage == ARP_SPOOF || stage == MAC_SPOOF) && priority == MAC_DROP) {
            return Optional.of(DropReason.SPOOFED_MAC);
        }
        return Optional.empty();
    }

    /** The port's addresses and the unspecified one, which DHCP discovers and ARP probes use. */
    private static List<String> senders(VnicPort port) {
        List<String> senders = new ArrayList<>();
        port.addresses().stream().sorted().map(Ipv4Address::toString).forEach(senders::add);
        senders.add("0.0.0.0");
        return senders;
    }
}
