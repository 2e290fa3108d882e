package org.netweave.dataplane.emulated;

import org.netweave.dataplane.ArpResolver;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.Arp;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Ethernet;

/**
 * ARP suppression on a logical switch (NSX's ARP proxy): a VM's ARP request is answered from the
 * host's table if it can be; otherwise the resolver (the VNI's controller) is asked, and only if
 * nobody knows is the request flooded. Requests for a LIF's address are answered by the local
 * DLR instance and never leave the host. Every ARP frame that passes is snooped into the
 * switch's table, which the DLR also uses to resolve next hops.
 */
final class ArpSuppression {
    private final Pipeline p;
    volatile ArpResolver resolver = ArpResolver.NONE;

    ArpSuppression(Pipeline pipeline) {
        this.p = pipeline;
    }

    /** Handles an ARP frame about to be flooded; returns true if it was answered here and must not be flooded. */
    boolean intercept(SwitchInstance ls, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        if (source == FrameSource.ROUTER) {
            return false;
        }
        int a = off + Ethernet.HEADER_LENGTH;
        if (!Arp.isValid(b, a, len - Ethernet.HEADER_LENGTH)) {
            return false;
        }
        int sender = Arp.spa(b, a);
        learn(ls, sender, Arp.sha(b, a));
        if (Arp.op(b, a) != Arp.OP_REQUEST) {
            return false;
        }
        int target = Arp.tpa(b, a);
        if (sender == target || sender == 0) {
            // A gratuitous ARP announces a binding (a moved VM, a failed-over address) and a
            // probe checks that nobody holds the address: both must reach everyone, and neither
            // may be answered from a table that may hold the very binding they replace.
            return false;
        }
        LifInstance lif = ls.lif;
        if (lif != null && target == lif.ip) {
            if (source != FrameSource.TUNNEL || lif.spec.designatedInstance()) {
                p.routing.answerArp(lif, b, off, len, source, from, trace);
            }
            return true;
        }
        if (source != FrameSource.PORT) {
            return false;
        }
        long mac = ls.arpTable.get(target & 0xFFFF_FFFFL);
        if (mac == MacDestination.MISSING) {
            mac = resolve(ls, target);
        }
        if (mac == MacDestination.MISSING) {
            p.counters.arpFlooded++;
            return false;
        }
        p.counters.arpSuppressed++;
        int n = ArpFrames.replyInPlace(b, off, mac);
        p.deliver(from, b, off, n, trace);
        return true;
    }

    /** Asks the resolver; a hit is cached in the switch's table. */
    long resolve(SwitchInstance ls, int ip) {
        MacAddress mac = resolver.resolve(Vni.of(ls.vni), Ipv4Address.of(ip));
        if (mac == null) {
            return MacDestination.MISSING;
        }
        ls.arpTable.put(ip & 0xFFFF_FFFFL, mac.value());
        p.t.generation++;
        return mac.value();
    }

    /** Records an IP → MAC binding seen on the switch and releases packets waiting for it. */
    void learn(SwitchInstance ls, int ip, long mac) {
        if (record(ls, ip, mac)) {
            p.routing.neighbourLearned(ls, ip, mac);
        }
    }

    /**
     * Records an IP → MAC binding in the switch's table without sending anything; returns
     * whether it is a binding at all. A MAC that is the router's own on this switch (a LIF's
     * vMAC, the host's router MAC) is never bound to an IP: that would be a VM speaking for the
     * gateway, and a routed packet to it would have nowhere to go.
     */
    boolean record(SwitchInstance ls, int ip, long mac) {
        if (ip == 0 || MacAddress.isMulticast(mac) || mac == 0
                || MacDestination.kind(ls.macTable.get(mac)) == MacDestination.ROUTER) {
            return false;
        }
        long key = ip & 0xFFFF_FFFFL;
        if (ls.arpTable.get(key) != mac) {
            ls.arpTable.put(key, mac);
            p.t.generation++;
        }
        return true;
    }
}
