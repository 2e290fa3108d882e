package org.netweave.dataplane.emulated;

import static org.netweave.dataplane.ObservationComponent.BRIDGE;
import static org.netweave.dataplane.ObservationComponent.LOGICAL_SWITCH;
import static org.netweave.dataplane.ObservationComponent.PHYSICAL_UPLINK;
import static org.netweave.dataplane.ObservationComponent.TUNNEL;
import static org.netweave.dataplane.ObservationComponent.VNIC;
import static org.netweave.dataplane.ObservationKind.BRIDGED;
import static org.netweave.dataplane.ObservationKind.DELIVERED;
import static org.netweave.dataplane.ObservationKind.FORWARDED;
import static org.netweave.dataplane.ObservationKind.LOGICAL_RECEIVED;
import static org.netweave.dataplane.ObservationKind.RECEIVED;

import org.netweave.dataplane.DropReason;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.packet.Arp;
import org.netweave.packet.Dot1q;
import org.netweave.packet.Ethernet;
import org.netweave.packet.FlowHash;
import org.netweave.packet.Ipv4;
import org.netweave.packet.Udp;
import org.netweave.packet.Vxlan;
import org.netweave.packet.VxlanEncapsulator;

/**
 * The virtual switch of one host: the L2 half of the forwarding pipeline (NSX's VDS + VDL2).
 * A frame enters from a vNIC, a VXLAN tunnel or the VLAN uplink, is looked up in its logical
 * switch's MAC table, and is delivered to a local port, sent through a tunnel, bridged to the
 * VLAN, handed to the DLR instance, or replicated as BUM traffic. Routing lives in
 * {@link RoutingStage}, ARP suppression in {@link ArpSuppression}.
 *
 * <p>Frames are processed in place in a byte array with {@link #HEADROOM} free bytes in front, so
 * encapsulation and VLAN tagging write headers without copying. Nothing is allocated per packet
 * unless it is traced. Single-threaded: only the host's forwarding thread calls it.
 */
final class Pipeline {
    /** Free bytes before an inner frame: the 50-byte VXLAN outer headers, rounded up. */
    static final int HEADROOM = 64;

    final HostTables t;
    final Counters counters = new Counters();
    final Tracer tracer;
    final RoutingStage routing;
    final ArpSuppression arp;
    final FlowCache flows = new FlowCache();
    private final Wire wire;
    private final VxlanEncapsulator encap;

    Pipeline(HostTables tables, Wire wire) {
        this.t = tables;
        this.wire = wire;
        this.tracer = new Tracer(tables.config.hostId());
        this.encap = new VxlanEncapsulator(tables.config.vtepMac(), tables.config.vtepIp(), tables.config.vxlanPort());
        this.routing = new RoutingStage(this);
        this.arp = new ArpSuppression(this);
    }

    // ---------------------------------------------------------------- ingress

    /** A VM sent a frame on its vNIC. */
    void fromPort(PortInstance port, byte[] b, int off, int len, int trace) {
        counters.framesFromPorts++;
        if (trace == 0 && forwardKnownFlow(port, b, off, len)) {
            return;
        }
        if (len < Ethernet.HEADER_LENGTH) {
            drop(DropReason.MALFORMED, trace, VNIC, port.spec.id().value(), 0);
            return;
        }
        if (spoofed(port, b, off, len, trace)) {
            return;
        }
        SwitchInstance ls = port.ls;
        if (trace != 0) {
            tracer.observe(trace, RECEIVED, VNIC, port.spec.id().value(), ls.vni, null, null);
            tracer.observe(trace, LOGICAL_RECEIVED, LOGICAL_SWITCH, ls.name, ls.vni, null, null);
        }
        forward(ls, b, off, len, FrameSource.PORT, port, trace);
    }

    /**
     * SpoofGuard at the vNIC, before any table can learn from the frame: the source MAC must be
     * the port's, and so must an ARP sender MAC; an ARP sender must be one of the VM's addresses
     * (or 0.0.0.0, an ARP probe), an IPv4 source too (0.0.0.0 only for a DHCP request). That stops
     * a VM claiming another VM's MAC or IP, the router MAC, or the LIF gateway's IP by gratuitous
     * ARP. A tagged frame cannot come from a VM's port (a tag would hide its ARP or IP from these
     * checks); an ARP or IPv4 header that does not parse is MALFORMED. Drops and counts.
     */
    private boolean spoofed(PortInstance port, byte[] b, int off, int len, int trace) {
        DropReason reason = null;
        int type = Ethernet.etherType(b, off);
        int l3 = off + Ethernet.HEADER_LENGTH;
        int l3Len = len - Ethernet.HEADER_LENGTH;
        if (Ethernet.src(b, off) != port.mac) {
            reason = DropReason.SPOOFED_MAC;
        } else if (type == Ethernet.TYPE_VLAN || type == Ethernet.TYPE_QINQ) {
            reason = DropReason.TAGGED_FROM_VNIC;
        } else if (type == Ethernet.TYPE_ARP) {
            reason = !Arp.isValid(b, l3, l3Len) ? DropReason.MALFORMED
                    : Arp.sha(b, l3) != port.mac ? DropReason.SPOOFED_MAC
                    : port.maySendFrom(Arp.spa(b, l3)) || Arp.spa(b, l3) == 0 ? null : DropReason.SPOOFED_IP;
        } else if (type == Ethernet.TYPE_IPV4) {
            reason = !Ipv4.isHeaderValid(b, l3, l3Len) ? DropReason.MALFORMED
                    : port.maySendFrom(Ipv4.src(b, l3)) || isDhcpRequest(b, l3, l3Len) ? null : DropReason.SPOOFED_IP;
        }
        if (reason == null) {
            return false;
        }
        counters.drop(reason);
        if (trace != 0) {
            tracer.dropped(trace, VNIC, port.spec.id().value(), port.ls.vni, "the port is "
                    + port.spec.mac() + " " + port.spec.addresses(), reason);
        }
        return true;
    }

    /** A client without an address yet: from 0.0.0.0, UDP 68 to 67. */
    private static boolean isDhcpRequest(byte[] b, int ip, int ipLen) {
        int udp = ip + Ipv4.headerLength(b, ip);
        return Ipv4.src(b, ip) == 0 && Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_UDP
                && ipLen >= udp - ip + Udp.HEADER_LENGTH && Udp.srcPort(b, udp) == 68 && Udp.dstPort(b, udp) == 67;
    }

    /**
     * The fast path for a routed flow the {@link FlowCache} knows: the packet gets what routing
     * does to every packet (header and checksum check, TTL − 1, next hop's MAC, this host's router
     * MAC on the wire) and goes into its tunnel, skipping the switch and router stages. Returns
     * false, having changed nothing, when the slow path must decide.
     */
    private boolean forwardKnownFlow(PortInstance port, byte[] b, int off, int len) {
        int ipLen = len - Ethernet.HEADER_LENGTH;
        LifInstance lif = port.ls.lif;
        // The flow key holds the source IP the slow path checked, not the source MAC: check it here.
        if (lif == null || ipLen < Ipv4.MIN_HEADER_LENGTH || Ethernet.etherType(b, off) != Ethernet.TYPE_IPV4
                || Ethernet.dst(b, off) != lif.vmac || Ethernet.src(b, off) != port.mac) {
            return false;
        }
        int ip = off + Ethernet.HEADER_LENGTH;
        int protocol = Ipv4.protocol(b, ip);
        long addresses = FlowCache.addresses(b, ip);
        int ports = FlowHash.ports(b, ip, ipLen, protocol);
        int hash = FlowHash.ofIpv4(addresses, protocol, ports);
        int flow = flows.find(port.index, addresses, protocol, ports, hash, t.generation);
        if (flow < 0 || !Ipv4.isHeaderValid(b, ip, ipLen) || Ipv4.ttl(b, ip) <= 1) {
            return false;
        }
        Ethernet.setDst(b, off, flows.nextHopMac(flow));
        Ethernet.setSrc(b, off, t.routerMac);
        Ipv4.decrementTtl(b, ip);
        counters.routed++;
        counters.flowCacheHits++;
        send(flows.vni(flow), flows.vtep(flow), false, false, 0, b, off, len, 0, hash);
        return true;
    }

    /**
     * A VXLAN packet arrived from {@code srcVtep}; {@code b[vx..vx+len)} is the VXLAN header and the
     * inner frame, with at least {@link #HEADROOM} bytes free before the inner frame.
     */
    void fromTunnel(int srcVtep, byte[] b, int vx, int len) {
        if (srcVtep == t.vtepIp) {
            return; // our own multicast copy, looped back by the underlay
        }
        if (!Vxlan.isValid(b, vx, len) || len < Vxlan.HEADER_LENGTH + Ethernet.HEADER_LENGTH) {
            drop(DropReason.MALFORMED, 0, TUNNEL, Ipv4Address.toString(srcVtep), 0);
            return;
        }
        int vni = Vxlan.vni(b, vx);
        SwitchInstance ls = t.switches.get(vni);
        // Before the sender is known to be a Netweave VTEP its trace bit is only a claim; a drop
        // is still worth reporting under it, since the classic fault (a host that has not joined
        // the VNI) would otherwise leave a traceflow with no last hop.
        if (ls == null) {
            drop(DropReason.UNKNOWN_VNI, Vxlan.traceId(b, vx), TUNNEL, Ipv4Address.toString(srcVtep), vni);
            return;
        }
        if (!ls.knownSources.contains(srcVtep)) {
            drop(DropReason.UNKNOWN_VTEP, Vxlan.traceId(b, vx), TUNNEL, Ipv4Address.toString(srcVtep), vni);
            return;
        }
        // Netweave's private bits mean nothing from an external VTEP (VXLAN-GPE, for one, uses
        // 0x01 and 0x04 for other things): only Netweave VTEPs may trace or replicate.
        int flags = ls.externalSources.contains(srcVtep) ? Vxlan.FLAG_I : Vxlan.flags(b, vx);
        int trace = (flags & Vxlan.FLAG_TRACE) != 0 ? Vxlan.traceId(b, vx) : 0;
        counters.vxlanReceived++;
        int off = vx + Vxlan.HEADER_LENGTH;
        len -= Vxlan.HEADER_LENGTH;
        if (trace != 0) {
            tracer.observe(trace, RECEIVED, TUNNEL, Ipv4Address.toString(srcVtep), vni, null, null);
            tracer.observe(trace, LOGICAL_RECEIVED, LOGICAL_SWITCH, "vni-" + vni, vni, null, null);
        }
        // A traceflow probe's source MAC is whatever the operator asked for: learning it could
        // move a real VM's MAC to the probe's host.
        if ((flags & Vxlan.FLAG_REPLICATED) == 0 && trace == 0) {
            learn(ls, Ethernet.src(b, off), ls.externalSources.contains(srcVtep) ? MacDestination.EXTERNAL_VTEP
                    : MacDestination.REMOTE_VTEP, srcVtep);
        }
        if ((flags & Vxlan.FLAG_REPLICATE_LOCALLY) != 0) {
            proxyReplicate(ls, srcVtep, b, off, len, trace);
        }
        forward(ls, b, off, len, FrameSource.TUNNEL, null, trace);
    }

    /** An 802.1Q-tagged frame arrived on the physical uplink. */
    void fromUplink(byte[] b, int off, int len) {
        if (len < Ethernet.HEADER_LENGTH + Dot1q.TAG_LENGTH || !Dot1q.isTagged(b, off)) {
            drop(DropReason.NO_BRIDGE, 0, PHYSICAL_UPLINK, "uplink", 0);
            return;
        }
        int vlan = Dot1q.vid(b, off + Dot1q.TAG_OFFSET);
        BridgeInstance bridge = t.bridgesByVlan.get(vlan);
        if (bridge == null) {
            drop(DropReason.NO_BRIDGE, 0, PHYSICAL_UPLINK, "uplink", 0);
            return;
        }
        off = Dot1q.pop(b, off);
        len -= Dot1q.TAG_LENGTH;
        counters.bridged++;
        learn(bridge.ls, Ethernet.src(b, off), MacDestination.VLAN, vlan);
        forward(bridge.ls, b, off, len, FrameSource.VLAN, null, 0);
    }

    // ---------------------------------------------------------------- logical switch

    /** Switches a frame that entered logical switch {@code ls} from {@code source}. */
    void forward(SwitchInstance ls, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        dispatch(ls, lookup(ls, Ethernet.dst(b, off)), b, off, len, source, from, trace);
    }

    /** The MAC-table entry for a destination, or {@link MacDestination#MISSING} for a group address or an unknown one. */
    long lookup(SwitchInstance ls, long dstMac) {
        return MacAddress.isMulticast(dstMac) ? MacDestination.MISSING : ls.destinationOf(dstMac, t.generation);
    }

    /**
     * Sends a frame where its MAC-table {@code entry} says, one small method per kind of
     * destination. It stays small on purpose, so the JIT inlines it into its callers on the
     * routed path, which it does not do for a method past its hot-method size limit.
     */
    void dispatch(SwitchInstance ls, long entry, byte[] b, int off, int len, FrameSource source, PortInstance from,
            int trace) {
        switch (MacDestination.kind(entry)) {
            case MacDestination.ROUTER -> {
                if (source != FrameSource.ROUTER) {
                    routing.input(ls, b, off, len, source, from, trace);
                } else {
                    drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_SWITCH, ls.name, ls.vni); // never routed twice
                }
            }
            case MacDestination.REMOTE_VTEP, MacDestination.EXTERNAL_VTEP -> toTunnel(ls, entry, b, off, len, source, trace);
            case MacDestination.LOCAL_PORT -> deliver(t.ports[MacDestination.datum(entry)], b, off, len, trace);
            case MacDestination.VLAN -> toVlan(ls, entry, b, off, len, source, trace);
            default -> unknownDestination(ls, entry, b, off, len, source, from, trace);
        }
    }

    private void toTunnel(SwitchInstance ls, long entry, byte[] b, int off, int len, FrameSource source, int trace) {
        if (source == FrameSource.TUNNEL) {
            drop(DropReason.NOT_LOCAL, trace, LOGICAL_SWITCH, ls.name, ls.vni);
            return;
        }
        if (source == FrameSource.ROUTER) {
            onWireFromRouter(b, off);
        }
        boolean external = MacDestination.kind(entry) == MacDestination.EXTERNAL_VTEP;
        int flags = trace != 0 && !external ? Vxlan.FLAG_TRACE : 0;
        tunnel(ls, MacDestination.datum(entry), external, flags, b, off, len, trace);
    }

    private void toVlan(SwitchInstance ls, long entry, byte[] b, int off, int len, FrameSource source, int trace) {
        if (source == FrameSource.VLAN) {
            drop(DropReason.BRIDGE_LOOP_GUARD, trace, BRIDGE, "vlan-" + MacDestination.datum(entry), ls.vni);
        } else {
            bridgeOut(ls, b, off, len, trace);
        }
    }

    /** Group addresses and unknown unicast are flooded, except unknown unicast from a tunnel. */
    private void unknownDestination(SwitchInstance ls, long entry, byte[] b, int off, int len, FrameSource source,
            PortInstance from, int trace) {
        if (entry != MacDestination.MISSING) {
            throw new IllegalStateException("corrupt MAC table entry " + Long.toHexString(entry));
        }
        if (source != FrameSource.TUNNEL || Ethernet.isMulticastDst(b, off)) {
            flood(ls, b, off, len, source, from, trace);
        } else if (ls.bridge != null) {
            // Sent here because the sender believes the MAC is behind this host's bridge: it may
            // have been learned here and forgotten since (a bridge re-created, a MAC moved); the
            // VLAN is where it can be.
            bridgeOut(ls, b, off, len, trace);
        } else {
            drop(DropReason.NOT_LOCAL, trace, LOGICAL_SWITCH, ls.name, ls.vni);
        }
    }

    /** Broadcast, multicast and unknown unicast: every port of the switch, the bridge, the other VTEPs. */
    private void flood(SwitchInstance ls, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        if (Ethernet.etherType(b, off) == Ethernet.TYPE_ARP && arp.intercept(ls, b, off, len, source, from, trace)) {
            return;
        }
        for (PortInstance p : ls.ports) {
            if (p != from) {
                deliver(p, b, off, len, trace);
            }
        }
        if (ls.bridge != null && source != FrameSource.VLAN) {
            bridgeOut(ls, b, off, len, trace);
        }
        if (source != FrameSource.TUNNEL) {
            if (source == FrameSource.ROUTER) {
                onWireFromRouter(b, off);
            }
            replicate(ls, b, off, len, trace);
        }
    }

    private void replicate(SwitchInstance ls, byte[] b, int off, int len, int trace) {
        ReplicationPlan plan = ls.replication;
        int traceFlag = trace != 0 ? Vxlan.FLAG_TRACE : 0;
        for (int ip : plan.directCopies()) {
            boolean external = ls.externalSources.contains(ip);
            tunnel(ls, ip, external, external ? 0 : traceFlag, b, off, len, trace);
        }
        for (int ip : plan.proxyCopies()) {
            tunnel(ls, ip, false, Vxlan.FLAG_REPLICATE_LOCALLY | traceFlag, b, off, len, trace);
        }
        if (plan.multicastGroup() != 0) {
            multicast(ls, plan.multicastGroup(), traceFlag, b, off, len, trace);
        }
    }

    /** This host is the proxy (UTEP/MTEP) of its segment for a copy flagged "replicate locally". */
    private void proxyReplicate(SwitchInstance ls, int srcVtep, byte[] b, int off, int len, int trace) {
        ReplicationPlan plan = ls.replication;
        int flags = Vxlan.FLAG_REPLICATED | (trace != 0 ? Vxlan.FLAG_TRACE : 0);
        for (int ip : plan.proxyReplicas()) {
            if (ip != srcVtep) {
                tunnel(ls, ip, false, flags, b, off, len, trace);
            }
        }
        if (plan.proxyGroup() != 0) {
            multicast(ls, plan.proxyGroup(), flags, b, off, len, trace);
        }
    }

    /**
     * A frame from the DLR is about to enter a tunnel: it leaves with this host's router MAC as
     * source, so no two hosts ever source the same (vMAC) address into the overlay. ARP frames
     * keep theirs: their Ethernet source must match the sender hardware address inside, which
     * for the router's probes already is the router MAC, and for a designated instance's answer
     * to an external VTEP is the vMAC that VTEP must learn.
     */
    private void onWireFromRouter(byte[] b, int off) {
        if (Ethernet.etherType(b, off) != Ethernet.TYPE_ARP) {
            Ethernet.setSrc(b, off, t.routerMac);
        }
    }

    /**
     * Learns where a source MAC lives. A local port and the router are never overridden; any
     * other entry is, when traffic shows the MAC somewhere else (a VM moved, a bridge moved).
     */
    private void learn(SwitchInstance ls, long mac, int kind, int datum) {
        if (MacAddress.isMulticast(mac)) {
            return;
        }
        long current = ls.macTable.get(mac);
        if (!MacDestination.replaceable(current)
                || current != MacDestination.MISSING && MacDestination.kind(current) == kind && MacDestination.datum(current) == datum) {
            return;
        }
        ls.macTable.put(mac, MacDestination.of(kind, datum, true));
        t.generation++;
    }

    // ---------------------------------------------------------------- egress

    void deliver(PortInstance port, byte[] b, int off, int len, int trace) {
        if (port == null || port.endpoint == null) {
            drop(DropReason.PORT_DOWN, trace, VNIC, port == null ? "?" : port.spec.id().value(), 0);
            return;
        }
        if (trace != 0) {
            // A traceflow probe ends here: observed as delivered, never handed to the guest.
            tracer.observe(trace, DELIVERED, VNIC, port.spec.id().value(), port.ls.vni, null, null);
            return;
        }
        counters.framesToPorts++;
        port.endpoint.receive(b, off, len);
    }

    private void tunnel(SwitchInstance ls, int dstVtep, boolean external, int flags, byte[] b, int off, int len,
            int trace) {
        encapsulateAndSend(ls, dstVtep, false, external, flags, b, off, len, trace);
    }

    private void multicast(SwitchInstance ls, int group, int flags, byte[] b, int off, int len, int trace) {
        encapsulateAndSend(ls, group, true, false, flags, b, off, len, trace);
    }

    /** Writes the outer headers towards a VTEP or an underlay group and sends the packet. */
    private void encapsulateAndSend(SwitchInstance ls, int dst, boolean group, boolean external, int flags, byte[] b,
            int off, int len, int trace) {
        send(ls.vni, dst, group, external, flags, b, off, len, trace, FlowHash.of(b, off, len));
    }

    private void send(int vni, int dst, boolean group, boolean external, int flags, byte[] b, int off, int len,
            int trace, int flowHash) {
        if (trace != 0 && external) {
            // An external VTEP cannot carry the trace on, and its hosts would answer a probe that
            // no guest sent: the probe ends here, as delivered to that VTEP.
            tracer.observe(trace, FORWARDED, TUNNEL, Ipv4Address.toString(dst), vni, null,
                    "vtep " + Ipv4Address.toString(dst) + " (external)");
            tracer.observe(trace, DELIVERED, TUNNEL, Ipv4Address.toString(dst), vni, null, "external VTEP; probe not sent");
            return;
        }
        long dstMac = group ? EmulatedUnderlay.multicastMac(dst) : EmulatedUnderlay.vtepMac(dst);
        int outer = encap.encapsulate(b, off, len, dstMac, dst, vni, flags, trace, flowHash);
        int outerLen = len + VxlanEncapsulator.OVERHEAD;
        boolean sent = group ? wire.sendMulticast(dst, b, outer, outerLen) : wire.sendVxlan(dst, b, outer, outerLen);
        if (!sent) {
            drop(DropReason.TX_FAILED, trace, TUNNEL, Ipv4Address.toString(dst), vni);
            return;
        }
        counters.vxlanSent++;
        if (trace != 0) {
            tracer.observe(trace, FORWARDED, TUNNEL, Ipv4Address.toString(dst), vni, null,
                    (group ? "group " : "vtep ") + Ipv4Address.toString(dst) + (external ? " (external)" : ""));
        }
    }

    /** Tags the frame for the bridge's VLAN, sends it out of the uplink, and restores it untagged. */
    private void bridgeOut(SwitchInstance ls, byte[] b, int off, int len, int trace) {
        BridgeInstance bridge = ls.bridge;
        if (bridge == null) {
            drop(DropReason.NO_BRIDGE, trace, LOGICAL_SWITCH, ls.name, ls.vni);
            return;
        }
        if (trace != 0) {
            // The VLAN cannot carry the trace, and a physical server would answer a probe that no
            // guest sent: as NSX reports it, the probe is delivered to the VLAN, and ends there.
            tracer.observe(trace, BRIDGED, BRIDGE, bridge.spec.id().value(), ls.vni, null, "vlan " + bridge.vlan);
            tracer.observe(trace, DELIVERED, PHYSICAL_UPLINK, "vlan-" + bridge.vlan, ls.vni, null, "probe not sent");
            return;
        }
        int tagged = Dot1q.push(b, off, Dot1q.tci(0, false, bridge.vlan));
        boolean sent = wire.sendUplink(b, tagged, len + Dot1q.TAG_LENGTH);
        Dot1q.pop(b, tagged);
        if (!sent) {
            drop(DropReason.TX_FAILED, trace, BRIDGE, bridge.spec.id().value(), ls.vni);
            return;
        }
        counters.bridged++;
    }

    void drop(DropReason reason, int trace, org.netweave.dataplane.ObservationComponent component, String name, int vni) {
        counters.drop(reason);
        if (trace != 0) {
            tracer.dropped(trace, component, name, vni, null, reason);
        }
    }
}
