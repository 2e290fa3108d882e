package org.netweave.dataplane.emulated;

import static org.netweave.dataplane.ObservationComponent.LOGICAL_ROUTER;
import static org.netweave.dataplane.ObservationKind.LOGICAL_FORWARDED;
import static org.netweave.dataplane.ObservationKind.LOGICAL_RECEIVED;

import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.fib.Ipv4RouteTable;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.Arp;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Icmp;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.Ipv4;

/**
 * The DLR half of the pipeline (NSX's VDR): frames a logical switch hands to its LIF are routed
 * here, on the host where they entered — for a VM that is the source VM's host, so each
 * direction of a flow is routed on the sender's side (seed 001). After the route lookup the
 * packet goes back to the switch of the egress LIF as an L2 frame.
 *
 * <p>Routed frames carry the egress LIF's vMAC as source inside the host and the host's router
 * MAC once they enter a tunnel (see {@code Pipeline.onWireFromRouter}). The router resolves next hops
 * from the switch's ARP table, then by an ARP probe (sender IP 0.0.0.0, so VMs do not cache the
 * host's router MAC as their gateway), holding the packet meanwhile.
 */
final class RoutingStage {
    private final Pipeline p;
    private final HeldPackets held;
    private final RouteCache cache = new RouteCache();
    private final byte[] scratch = new byte[Pipeline.HEADROOM + 2048];
    private final HeldPackets.Releaser releaser = this::sendReleased;

    RoutingStage(Pipeline pipeline) {
        this.p = pipeline;
        this.held = new HeldPackets(pipeline.counters);
    }

    /** A frame addressed to a LIF's vMAC or this host's router MAC on logical switch {@code ls}. */
    void input(SwitchInstance ls, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        LifInstance lif = ls.lif;
        if (lif == null) {
            p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, ls.name, ls.vni);
            return;
        }
        if (source == FrameSource.TUNNEL && Ethernet.dst(b, off) == lif.vmac && !lif.spec.designatedInstance()) {
            // Another Netweave host routes its own VMs' traffic; only the designated instance
            // routes for endpoints behind external VTEPs.
            p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, lif.router.id.value(), ls.vni);
            return;
        }
        switch (Ethernet.etherType(b, off)) {
            case Ethernet.TYPE_IPV4 -> route(lif, b, off, len, from, trace);
            case Ethernet.TYPE_ARP -> arpInput(lif, b, off, len, source, from, trace);
            default -> p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, lif.router.id.value(), ls.vni);
        }
    }

    /**
     * Routes an IPv4 packet that entered by LIF {@code in}. A destination whose decision is in
     * the {@link RouteCache} is sent at once; otherwise the full path runs — LIF addresses, TTL,
     * longest-prefix match, next-hop resolution — and remembers its decision. The full path and
     * every exception are methods of their own, which keeps this one small enough for the JIT to
     * compile the common case into its caller as one unit.
     */
    private void route(LifInstance in, byte[] b, int off, int len, PortInstance from, int trace) {
        int ip = off + Ethernet.HEADER_LENGTH;
        if (!Ipv4.isHeaderValid(b, ip, len - Ethernet.HEADER_LENGTH)) {
            p.drop(DropReason.MALFORMED, trace, LOGICAL_ROUTER, in.router.id.value(), in.ls.vni);
            return;
        }
        int dst = Ipv4.dst(b, ip);
        RouteCache.Entry cached = trace == 0 ? cache.find(in.router, dst, p.t.generation) : null;
        if (cached != null && Ipv4.ttl(b, ip) > 1) {
            rememberFlow(from, Ethernet.dst(b, off), b, off, len, cached.egressSwitch, cached.egressEntry,
                    cached.nextHopMac);
            rewrite(cached.egressVmac, b, off, ip);
            Ethernet.setDst(b, off, cached.nextHopMac);
            p.counters.routed++;
            p.dispatch(cached.egressSwitch, cached.egressEntry, b, off, len, FrameSource.ROUTER, null, 0);
        } else {
            routeUncached(in, dst, b, off, ip, len, from, trace);
        }
    }

    /**
     * A VM's packet is about to be routed into a tunnel to a Netweave VTEP: the {@link FlowCache}
     * remembers that, so the flow's next packets take the fast path. {@code sentToMac} is the
     * destination the VM sent to (the frame's own may be rewritten already); the flow's key
     * fields (addresses, protocol, ports) routing never changes.
     */
    private void rememberFlow(PortInstance from, long sentToMac, byte[] b, int off, int len, SwitchInstance egress,
            long entry, long nextHopMac) {
        if (from != null && MacDestination.kind(entry) == MacDestination.REMOTE_VTEP && from.ls.lif != null
                && sentToMac == from.ls.lif.vmac) {
            p.flows.remember(from.index, b, off, len, p.t.generation, nextHopMac, egress.vni, MacDestination.datum(entry));
        }
    }

    /** The full routing decision, remembered in the cache when it reaches a resolved next hop. */
    private void routeUncached(LifInstance in, int dst, byte[] b, int off, int ip, int len, PortInstance from,
            int trace) {
        RouterInstance router = in.router;
        if (trace != 0) {
            p.tracer.observe(trace, LOGICAL_RECEIVED, LOGICAL_ROUTER, router.id.value(), in.ls.vni, in.name, null);
        }
        if (router.lifByIp.containsKey(dst)) {
            answerEcho(in, b, off, len, trace);
            return;
        }
        if (Ipv4.ttl(b, ip) <= 1) {
            ttlExceeded(in, b, off, len, trace);
            return;
        }
        int nh = router.fib.lookup(dst);
        if (nh == Ipv4RouteTable.NO_ROUTE) {
            noRoute(in, b, off, len, trace);
            return;
        }
        LifInstance out = router.nextHopLif[nh];
        int gateway = router.nextHopGateway[nh];
        int nextHop = gateway == 0 ? dst : gateway;
        long dstMac = Ethernet.dst(b, off);
        rewrite(out.vmac, b, off, ip);
        if (trace != 0) {
            traceForwarded(router, out, dst, nh, trace);
        }
        long mac = out.ls.arpTable.get(nextHop & 0xFFFF_FFFFL);
        if (mac == MacDestination.MISSING) {
            mac = p.arp.resolve(out.ls, nextHop);
            if (mac == MacDestination.MISSING) {
                holdAndProbe(out, nextHop, b, off, len, trace);
                return;
            }
        }
        long entry = p.lookup(out.ls, mac);
        if (trace == 0) {
            cache.remember(router, dst, p.t.generation, out, mac, entry);
            rememberFlow(from, dstMac, b, off, len, out.ls, entry, mac);
        }
        Ethernet.setDst(b, off, mac);
        p.counters.routed++;
        p.dispatch(out.ls, entry, b, off, len, FrameSource.ROUTER, null, trace);
    }

    /**
     * What routing does to every packet it forwards: the egress LIF's vMAC as source, TTL − 1.
     * It is counted as routed when it leaves the router: a packet held for ARP and then dropped
     * never was.
     */
    private static void rewrite(long egressVmac, byte[] b, int off, int ip) {
        Ethernet.setSrc(b, off, egressVmac);
        Ipv4.decrementTtl(b, ip);
    }

    private void ttlExceeded(LifInstance in, byte[] b, int off, int len, int trace) {
        sendError(in, Icmp.TYPE_TIME_EXCEEDED, 0, b, off, len, trace);
        p.drop(DropReason.TTL_EXCEEDED, trace, LOGICAL_ROUTER, in.router.id.value(), in.ls.vni);
    }

    private void noRoute(LifInstance in, byte[] b, int off, int len, int trace) {
        sendError(in, Icmp.TYPE_DESTINATION_UNREACHABLE, Icmp.CODE_NET_UNREACHABLE, b, off, len, trace);
        p.drop(DropReason.NO_ROUTE, trace, LOGICAL_ROUTER, in.router.id.value(), in.ls.vni);
    }

    private void traceForwarded(RouterInstance router, LifInstance out, int dst, int nh, int trace) {
        p.tracer.observe(trace, LOGICAL_FORWARDED, LOGICAL_ROUTER, router.id.value(), out.ls.vni, out.name,
                "route " + Ipv4Address.toString(dst) + " " + router.describeNextHop(nh));
    }

    /** Keeps the packet until its next hop answers, and probes for it if a probe is due. */
    private void holdAndProbe(LifInstance out, int nextHop, byte[] b, int off, int len, int trace) {
        if (held.hold(out.ls, nextHop, b, off, len, trace, System.nanoTime())) {
            probe(out, nextHop);
        }
        if (trace != 0) {
            p.tracer.dropped(trace, LOGICAL_ROUTER, out.router.id.value(), out.ls.vni,
                    "no ARP entry for " + Ipv4Address.toString(nextHop) + "; held and probing", DropReason.NO_ARP);
        }
    }

    /** An ARP frame for the router: a request for a LIF address, or a reply to our probe. */
    private void arpInput(LifInstance lif, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        int a = off + Ethernet.HEADER_LENGTH;
        if (!Arp.isValid(b, a, len - Ethernet.HEADER_LENGTH)) {
            p.drop(DropReason.MALFORMED, trace, LOGICAL_ROUTER, lif.router.id.value(), lif.ls.vni);
            return;
        }
        if (Arp.op(b, a) == Arp.OP_REQUEST) {
            if (Arp.tpa(b, a) == lif.ip) {
                answerArp(lif, b, off, len, source, from, trace);
            } else {
                p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, lif.router.id.value(), lif.ls.vni);
            }
            return;
        }
        if (Arp.op(b, a) == Arp.OP_REPLY) {
            p.arp.learn(lif.ls, Arp.spa(b, a), Arp.sha(b, a));
        } else {
            p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, lif.router.id.value(), lif.ls.vni);
        }
    }

    /** Answers "who has the LIF address" with the LIF's vMAC, back where the request came from. */
    void answerArp(LifInstance lif, byte[] b, int off, int len, FrameSource source, PortInstance from, int trace) {
        int n = ArpFrames.replyInPlace(b, off, lif.vmac);
        if (source == FrameSource.PORT) {
            p.deliver(from, b, off, n, trace);
        } else {
            p.forward(lif.ls, b, off, n, FrameSource.ROUTER, null, trace);
        }
    }

    private void answerEcho(LifInstance in, byte[] b, int off, int len, int trace) {
        int ip = off + Ethernet.HEADER_LENGTH;
        int icmp = ip + Ipv4.headerLength(b, ip);
        int icmpLen = Ipv4.totalLength(b, ip) - Ipv4.headerLength(b, ip);
        if (Ipv4.protocol(b, ip) != Ipv4.PROTOCOL_ICMP || !Icmp.isValid(b, icmp, icmpLen)
                || Icmp.type(b, icmp) != Icmp.TYPE_ECHO_REQUEST) {
            p.drop(DropReason.NOT_FOR_ROUTER, trace, LOGICAL_ROUTER, in.router.id.value(), in.ls.vni);
            return;
        }
        IcmpFrames.echoReplyInPlace(b, off);
        p.forward(in.ls, b, off, len, FrameSource.ROUTER, null, trace);
    }

    private void sendError(LifInstance in, int type, int code, byte[] b, int off, int len, int trace) {
        // A traceflow probe never came from the guest, so the guest must not get an error about
        // it; the drop observation is the answer.
        if (trace != 0 || !IcmpFrames.mayAnswerWithError(b, off, len)) {
            return;
        }
        int n = type == Icmp.TYPE_TIME_EXCEEDED
                ? IcmpFrames.timeExceeded(scratch, Pipeline.HEADROOM, in.vmac, in.ip, b, off, len)
                : IcmpFrames.destinationUnreachable(scratch, Pipeline.HEADROOM, code, in.vmac, in.ip, b, off, len);
        p.forward(in.ls, scratch, Pipeline.HEADROOM, n, FrameSource.ROUTER, null, trace);
    }

    /** Broadcasts an ARP probe for a next hop from the host's router MAC. */
    private void probe(LifInstance out, int nextHop) {
        int n = ArpFrames.request(scratch, Pipeline.HEADROOM, p.t.routerMac, 0, nextHop);
        p.forward(out.ls, scratch, Pipeline.HEADROOM, n, FrameSource.ROUTER, null, 0);
    }

    /** A binding became known on {@code ls}: send what was waiting for it. */
    void neighbourLearned(SwitchInstance ls, int ip, long mac) {
        held.release(ls, ip, mac, releaser);
    }

    private void sendReleased(SwitchInstance ls, long mac, byte[] frame, int off, int len, int trace) {
        Ethernet.setDst(frame, off, mac);
        p.counters.routed++;
        p.forward(ls, frame, off, len, FrameSource.ROUTER, null, trace);
    }

    void expireHeld(long now) {
        held.expire(now);
    }

    void forget(SwitchInstance ls) {
        held.forget(ls);
    }
}
