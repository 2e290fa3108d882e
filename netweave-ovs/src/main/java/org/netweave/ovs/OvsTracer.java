package org.netweave.ovs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationComponent;
import org.netweave.dataplane.ObservationKind;
import org.netweave.dataplane.ObservationSink;
import org.netweave.dataplane.TraceContinuation;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Ipv4;

import static org.netweave.dataplane.ObservationComponent.BRIDGE;
import static org.netweave.dataplane.ObservationComponent.LOGICAL_ROUTER;
import static org.netweave.dataplane.ObservationComponent.LOGICAL_SWITCH;
import static org.netweave.dataplane.ObservationComponent.PHYSICAL_UPLINK;
import static org.netweave.dataplane.ObservationComponent.TUNNEL;
import static org.netweave.dataplane.ObservationComponent.VNIC;
import static org.netweave.dataplane.ObservationKind.BRIDGED;
import static org.netweave.dataplane.ObservationKind.DELIVERED;
import static org.netweave.dataplane.ObservationKind.FORWARDED;
import static org.netweave.dataplane.ObservationKind.LOGICAL_FORWARDED;
import static org.netweave.dataplane.ObservationKind.LOGICAL_RECEIVED;
import static org.netweave.dataplane.ObservationKind.RECEIVED;

/**
 * Traceflow on Open vSwitch: the switch's own {@code ofproto/trace} follows the probe through
 * br-int and br-tun (nothing is sent, nothing learned), and each matched flow is read back as
 * our stage; where the trace leaves OVS into a qr- device, the qrouter namespace's kernel is asked
 * for its route ({@code ip route get … iif qr-…}) and neighbour, and the routed frame is traced
 * on from the egress qr- port. A tunnel cannot carry the trace, so a frame that leaves in one is
 * handed on ({@link ObservationSink#continueAt}) for the receiving host to trace from its
 * tunnel port. Observations use the emulated backend's vocabulary, with the deciding flow as
 * {@code decidedBy} ("br-tun UCAST_TO_TUN priority=2 dl_vlan=…,dl_dst=…").
 */
final class OvsTracer {
    /** Router hops one trace follows on one host; more is a loop. */
    private static final int MAX_ROUTED = 8;
    private static final Pattern DPIF_PORT = Pattern.compile("^\\s+(\\S+) (\\d+)/(\\d+|none):");
    private static final Pattern ROUTE_DEV = Pattern.compile("\\bdev (\\S+)");
    private static final Pattern ROUTE_VIA = Pattern.compile("\\bvia ([0-9.]+)");
    private static final Pattern LLADDR = Pattern.compile("lladdr ([0-9a-f:]{17})");

    private final OvsSwitch ovs;
    private final HostState state;
    private final String hostPrefix;
    private final ObservationSink sink;
    private final int traceId;
    private final HostId host;
    private final Optional<String> physicalBridge;
    private Map<Integer, String> datapathPorts;
    private Set<String> physicalPorts;

    OvsTracer(OvsSwitch ovs, HostState state, String hostPrefix, Optional<String> physicalBridge, ObservationSink sink,
              int traceId) {
        this.ovs = ovs;
        this.physicalBridge = physicalBridge;
        this.state = state;
        this.hostPrefix = hostPrefix;
        this.sink = sink;
        this.traceId = traceId;
        this.host = state.config().hostId();
    }

    /** The VM on {@code port} sends {@code frame}. */
    void fromVnic(PortId port, byte[] frame) {
        VnicPort vnic = state.ports().get(port);
        if (vnic == null) {
            throw new InvalidValueException("port", port.value(), "is not attached on " + host);
        }
        if (frame.length < Ethernet.HEADER_LENGTH) {
            throw new InvalidValueException("frame", frame.length, "is shorter than an Ethernet header");
        }
        int vni = vnic.vni().value();
        OfprotoTrace trace = run(OvsBridge.INT, "in_port=" + OvsNames.vnicDevice(port), frame);
        // SpoofGuard stops the frame at the vNIC, before the logical switch: one drop, as on the emulated backend.
        Optional<OfprotoTrace.Step> guard = trace.dropping()
                .filter(s -> PortSecurityFlows.dropReason(s.stage()).isPresent());
        if (guard.isPresent()) {
            // The flow that sent it to the drop table decided, not the drop table's one flow.
            int at = trace.steps().indexOf(guard.get());
            drop(reasonOf(guard.get()), VNIC, port.value(), vni, (at > 0 ? trace.steps().get(at - 1) : guard.get()).brief());
            return;
        }
        observe(RECEIVED, VNIC, port.value(), vni, null, null);
        observe(LOGICAL_RECEIVED, LOGICAL_SWITCH, "vni-" + vni, vni, null, null);
        follow(trace, frame, vni, 0);
    }

    /** {@code continuation}'s frame arrives in the tunnel from its source VTEP. */
    void fromTunnel(TraceContinuation continuation) {
        int vni = continuation.vni().value();
        String from = continuation.fromVtep().toString();
        if (state.switches().values().stream().noneMatch(s -> s.vteps().containsKey(continuation.fromVtep()))) {
            drop(DropReason.UNKNOWN_VTEP, TUNNEL, from, vni, "no tunnel port from " + from);
            return;
        }
        observe(RECEIVED, TUNNEL, from, vni, null, null);
        String inPort = "in_port=" + OvsNames.tunnelPort(continuation.fromVtep()) + ",tun_id=" + vni + ",tun_src=" + from
                + ",tun_dst=" + state.config().vtepIp();
        OfprotoTrace trace = run(OvsBridge.TUN, inPort, continuation.frame());
        if (state.switches().containsKey(Vni.of(vni))) {
            observe(LOGICAL_RECEIVED, LOGICAL_SWITCH, "vni-" + vni, vni, null,
                    trace.lastOn(OvsBridge.TUN).map(OfprotoTrace.Step::brief).orElse(null));
        }
        follow(trace, continuation.frame(), vni, 0);
    }

    private void traceFrom(OvsBridge bridge, String inPort, byte[] frame, int vni, int routed) {
        follow(run(bridge, inPort, frame), frame, vni, routed);
    }

    /** Reads where the trace sent the frame, and goes on from there. */
    private void follow(OfprotoTrace trace, byte[] sent, int vni, int routed) {
        byte[] frame = rewritten(sent, trace.finalFlow());
        if (trace.outputs().isEmpty()) {
            OfprotoTrace.Step step = trace.dropping().orElse(null);
            drop(reasonOf(step), step != null && step.stage().bridge() == OvsBridge.TUN ? TUNNEL : LOGICAL_SWITCH,
                    "vni-" + vni, vni, step == null ? "no flow sent it on" : step.brief());
            return;
        }
        String decided = trace.steps().isEmpty() ? null : trace.steps().getLast().brief();
        String tunnelled = trace.steps().stream()
                .filter(st -> st.stage() == TunStage.UCAST_TO_TUN || st.stage() == TunStage.FLOOD_TO_TUN)
                .reduce((first, second) -> second).or(() -> trace.lastOn(OvsBridge.TUN))
                .map(OfprotoTrace.Step::brief).orElse(null);
        MacAddress dst = MacAddress.of(Ethernet.dst(frame, 0));
        boolean taken = false;
        for (OfprotoTrace.Output out : trace.outputs()) {
            switch (out) {
                case OfprotoTrace.Tunnel t -> {
                    observe(FORWARDED, TUNNEL, t.remoteVtep().toString(), t.vni(), null, tunnelled);
                    sink.continueAt(new TraceContinuation(traceId, state.config().vtepIp(), t.remoteVtep(), Vni.of(t.vni()),
                            frame));
                    taken = true;
                }
                case OfprotoTrace.DatapathPort p -> taken |= toPort(datapathPortName(p.number()), frame, dst, vni, decided,
                        routed);
            }
        }
        if (!taken) {
            // Flooded only to ports whose guests would not take it (or to the uplink alone).
            drop(DropReason.NOT_LOCAL, LOGICAL_SWITCH, "vni-" + vni, vni, "no port on this host takes " + dst);
        }
    }

    /** Whether a port of ours took the frame (and said so). */
    private boolean toPort(String name, byte[] frame, MacAddress dst, int vni, String decided, int routed) {
        if (name == null) {
            return false;
        }
        for (VnicPort p : state.ports().values()) {
            // A flooded copy that is not for this VM is no delivery: its guest would drop it.
            if (OvsNames.vnicDevice(p.id()).equals(name) && (p.mac().equals(dst) || MacAddress.isMulticast(dst.value()))) {
                observe(DELIVERED, VNIC, p.id().value(), p.vni().value(), null, decided);
                return true;
            }
        }
        for (HostState.RouterState r : state.routers().values()) {
            for (Lif lif : r.lifs().values()) {
                if (OvsNames.qrDevice(r.id(), lif.id()).equals(name) && lif.vmac().equals(dst)) {
                    route(r, lif, frame, routed);
                    return true;
                }
            }
        }
        // The patch pair into the physical bridge has no datapath port: a bridged frame shows up
        // leaving by the physical bridge's uplink, tagged with the bridge's VLAN.
        for (Bridge b : state.bridges().values()) {
            if (b.vni().value() == vni && physicalBridgePorts().contains(name)) {
                observe(BRIDGED, BRIDGE, b.id().value(), b.vni().value(), null, "vlan " + b.vlan().value());
                observe(DELIVERED, PHYSICAL_UPLINK, "vlan-" + b.vlan().value(), b.vni().value(), null, "probe not sent");
                return true;
            }
        }
        return false;
    }

    /** The qrouter namespace's kernel routes the frame that reached {@code in}'s qr- device. */
    private void route(HostState.RouterState router, Lif in, byte[] frame, int routed) {
        String dlr = router.id().value();
        int vni = in.vni().value();
        observe(LOGICAL_RECEIVED, LOGICAL_ROUTER, dlr, vni, in.id().value(), null);
        int ip = Ethernet.HEADER_LENGTH;
        if (Ethernet.etherType(frame, 0) != Ethernet.TYPE_IPV4) {
            drop(DropReason.NOT_FOR_ROUTER, LOGICAL_ROUTER, dlr, vni, "not IPv4");
            return;
        }
        if (Ipv4.ttl(frame, ip) <= 1) {
            drop(DropReason.TTL_EXCEEDED, LOGICAL_ROUTER, dlr, vni, "ttl " + Ipv4.ttl(frame, ip));
            return;
        }
        if (routed >= MAX_ROUTED) {
            drop(DropReason.TTL_EXCEEDED, LOGICAL_ROUTER, dlr, vni, "routed " + routed + " times on this host");
            return;
        }
        String ns = OvsNames.qrouterNamespace(hostPrefix, router.id());
        Ipv4Address dst = Ipv4Address.of(Ipv4.dst(frame, ip));
        Exec.Result route = Exec.run(Exec.inNetns(ns, List.of("ip", "-o", "route", "get", dst.toString(),
                "from", Ipv4Address.of(Ipv4.src(frame, ip)).toString(), "iif", OvsNames.qrDevice(router.id(), in.id()))));
        Matcher dev = ROUTE_DEV.matcher(route.output());
        if (!route.ok() || !dev.find()) {
            drop(DropReason.NO_ROUTE, LOGICAL_ROUTER, dlr, vni, "ip route get " + dst + ": " + route.output().strip());
            return;
        }
        Optional<Lif> out = lifOn(router, dev.group(1));
        if (out.isEmpty()) {
            drop(DropReason.NO_ROUTE, LOGICAL_ROUTER, dlr, vni, "route " + dst + " leaves by " + dev.group(1)
                    + ", which is no LIF");
            return;
        }
        Matcher via = ROUTE_VIA.matcher(route.output());
        String nextHop = via.find() ? via.group(1) : dst.toString();
        String how = "route " + dst + (via.reset().find() ? " via " + nextHop : "") + " dev " + dev.group(1);
        Matcher lladdr = LLADDR.matcher(Exec.run(Exec.inNetns(ns, List.of("ip", "neigh", "show", nextHop, "dev",
                dev.group(1)))).output());
        int outVni = out.get().vni().value();
        if (!lladdr.find()) {
            drop(DropReason.NO_ARP, LOGICAL_ROUTER, dlr, outVni, how + ": no neighbour " + nextHop);
            return;
        }
        observe(LOGICAL_FORWARDED, LOGICAL_ROUTER, dlr, outVni, out.get().id().value(), how);
        byte[] next = frame.clone();
        Ethernet.setSrc(next, 0, out.get().vmac().value());
        Ethernet.setDst(next, 0, MacAddress.parse(lladdr.group(1)).value());
        Ipv4.decrementTtl(next, ip);
        traceFrom(OvsBridge.INT, "in_port=" + dev.group(1), next, outVni, routed + 1);
    }

    private static Optional<Lif> lifOn(HostState.RouterState router, String device) {
        return router.lifs().values().stream().filter(l -> OvsNames.qrDevice(router.id(), l.id()).equals(device)).findFirst();
    }

    private OfprotoTrace run(OvsBridge bridge, String inPort, byte[] frame) {
        String flow = inPort + "," + TraceFlowFields.of(frame);
        return OfprotoTrace.parse(ovs.appctl("ofproto/trace", bridge.deviceName(), flow).orThrow().output());
    }

    /** The header fields the trace ended with, written into the frame (the DVR MAC rewrites). */
    private static byte[] rewritten(byte[] frame, Map<String, String> finalFlow) {
        byte[] out = frame.clone();
        Optional.ofNullable(finalFlow.get("dl_src")).ifPresent(m -> Ethernet.setSrc(out, 0, MacAddress.parse(m).value()));
        Optional.ofNullable(finalFlow.get("dl_dst")).ifPresent(m -> Ethernet.setDst(out, 0, MacAddress.parse(m).value()));
        return out;
    }

    private Set<String> physicalBridgePorts() {
        if (physicalPorts == null) {
            physicalPorts = physicalBridge.map(br -> Set.copyOf(ovs.listPorts(br))).orElse(Set.of());
        }
        return physicalPorts;
    }

    private String datapathPortName(int number) {
        if (datapathPorts == null) {
            datapathPorts = new HashMap<>();
            for (String line : ovs.appctl("dpif/show").orThrow().output().lines().toList()) {
                Matcher m = DPIF_PORT.matcher(line);
                if (m.find() && !m.group(3).equals("none")) {
                    datapathPorts.put(Integer.parseInt(m.group(3)), m.group(1));
                }
            }
        }
        return datapathPorts.get(number);
    }

    /** Why a flow dropped the probe, by the stage it is in. */
    static DropReason reasonOf(OfprotoTrace.Step step) {
        if (step == null) {
            return DropReason.NOT_LOCAL;
        }
        return switch (step.stage()) {
            case TunStage.VXLAN_TUN_TO_LV -> DropReason.UNKNOWN_VNI;
            case TunStage.LOCAL_SWITCHING -> DropReason.UNKNOWN_VTEP;
            case IntStage.SPOOFED_IP_DROP, IntStage.SPOOFED_MAC_DROP, IntStage.TAGGED_DROP ->
                    PortSecurityFlows.dropReason(step.stage()).orElseThrow();
            // The flow that dropped it is in decidedBy; the rest have no reason of their own.
            default -> DropReason.NOT_LOCAL;
        };
    }

    private void observe(ObservationKind kind, ObservationComponent component, String name, int vni, String lif,
                         String decidedBy) {
        sink.observe(new Observation(traceId, host, kind, component, name, vni, lif, decidedBy, null, System.nanoTime()));
    }

    private void drop(DropReason reason, ObservationComponent component, String name, int vni, String decidedBy) {
        sink.observe(new Observation(traceId, host, ObservationKind.DROPPED, component, name, vni, null, decidedBy, reason,
                System.nanoTime()));
    }
}
