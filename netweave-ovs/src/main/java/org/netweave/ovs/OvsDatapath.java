package org.netweave.ovs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.ObservationSink;
import org.netweave.dataplane.TraceContinuation;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.packet.Vxlan;
import org.netweave.ovs.PortPlan.PortSpec;
import org.netweave.ovs.RouterPlan.RouterNamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ovs} backend of the Datapath SPI: keeps the host's desired state, translates it
 * into br-int/br-tun flows ({@link FlowTranslator}), OVS ports ({@link PortPlan}) and qrouter
 * namespaces ({@link RouterPlan}), and applies only the difference to what it installed before.
 *
 * <p>A vNIC port ({@link org.netweave.dataplane.VnicPort}) names a device in the switch's network
 * namespace, called {@link OvsNames#vnicDevice}: the VM's veth end or tap, as Nova plugs it. This
 * backend attaches it to br-int once it is there. A port whose device has not appeared yet is left
 * out of what is installed (with its flows), everything else is installed, and the batch then
 * fails with {@link VnicDeviceMissingException}, so the agent tries again until the VM is plugged:
 * one VM that Nova bound but has not plugged (or never will) holds up no other change on the host.
 *
 * <p>Atomicity: a batch is validated as a whole before anything is touched, and each bridge's
 * flow changes go in as one OpenFlow bundle. Ports and namespaces are created before the flows
 * that use them and removed after, so packets never meet a flow for a missing port.
 */
public final class OvsDatapath implements Datapath {
    private static final Logger LOG = LoggerFactory.getLogger(OvsDatapath.class);
    /** Neutron's DEAD_VLAN_TAG: a port there reaches nothing, whatever it sends. */
    static final int DEAD_VLAN = 4095;
    private final OvsSwitch ovs;
    private final String hostPrefix;
    private final RouterNamespaces routerNamespaces;
    private final Optional<String> physicalBridge;
    /** The state the agent asked for, waiting vNIC ports included. */
    private HostState state;
    /** What the switch carries: {@link #state} less the vNIC ports whose devices are not there yet. */
    private HostState installed;
    private Set<PortId> announcedWaiting = Set.of();
    private volatile ObservationSink observations = ObservationSink.NONE;
    private Map<OvsBridge, List<Flow>> installedFlows = new EnumMap<>(OvsBridge.class);
    private SortedMap<String, PortSpec> installedPorts = new TreeMap<>();
    /** Ports on the dead VLAN: new ones until their flows are in, and stale ones until they are removed. */
    private final Set<String> isolated = new HashSet<>();
    private boolean closed;

    private OvsDatapath(HostDatapathConfig config, OvsSwitch ovs, String hostPrefix, Optional<String> physicalBridge) {
        this.ovs = ovs;
        this.hostPrefix = hostPrefix;
        this.physicalBridge = physicalBridge;
        this.routerNamespaces = new RouterNamespaces(ovs);
        this.state = HostState.empty(config);
        this.installed = state;
        for (OvsBridge b : OvsBridge.values()) {
            installedFlows.put(b, List.of());
        }
    }

    /**
     * Creates br-int and br-tun with their patch pair (if missing), clears their flows and
     * installs the base pipeline: a full resync, as the Neutron agent does on start.
     *
     * @param hostPrefix     prefixes this host's qrouter namespace names (namespaces are global to a kernel)
     * @param physicalBridge the (existing) bridge holding the uplink to the physical VLANs, Neutron's
     *                       bridge_mappings: bridge instances patch br-int to it; empty when the host has none
     */
    public static OvsDatapath start(HostDatapathConfig config, OvsSwitch ovs, String hostPrefix,
                                    Optional<String> physicalBridge) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ovs, "ovs");
        OvsDatapath dp = new OvsDatapath(config, ovs, hostPrefix, physicalBridge);
        List<String> args = new ArrayList<>();
        for (OvsBridge b : OvsBridge.values()) {
            String br = b.deviceName();
            // fail_mode=secure: without our flows the bridge drops, it never falls back to NORMAL.
            args.addAll(List.of("--may-exist", "add-br", br, "--", "set", "bridge", br, "datapath_type=" + ovs.datapathType(),
                    "fail_mode=secure", "protocols=OpenFlow10,OpenFlow13,OpenFlow14", "--"));
        }
        args.addAll(List.of("--may-exist", "add-port", "br-int", FlowTranslator.PATCH_TUN, "--", "set", "interface",
                FlowTranslator.PATCH_TUN, "type=patch", "options:peer=" + FlowTranslator.PATCH_INT, "--",
                "--may-exist", "add-port", "br-tun", FlowTranslator.PATCH_INT, "--", "set", "interface",
                FlowTranslator.PATCH_INT, "type=patch", "options:peer=" + FlowTranslator.PATCH_TUN));
        ovs.vsctl(args.toArray(String[]::new)).orThrow();
        for (OvsBridge b : OvsBridge.values()) {
            ovs.ofctl(null, "del-flows", b.deviceName()).orThrow();
            // Ports an earlier run left (its flows are gone with the line above, so they carry
            // nothing any more): the first batch adds back what is still wanted.
            removeLeftPorts(ovs, b.deviceName());
        }
        physicalBridge.ifPresent(phy -> removeLeftPorts(ovs, phy));
        dp.realise(dp.state);
        return dp;
    }

    private static void removeLeftPorts(OvsSwitch ovs, String bridge) {
        for (String port : ovs.listPorts(bridge)) {
            if (OvsNames.isManagedPort(port)) {
                ovs.vsctl("--if-exists", "del-port", bridge, port).orThrow();
            }
        }
    }

    @Override
    public HostDatapathConfig config() {
        return state.config();
    }

    @Override
    public synchronized void apply(List<? extends DatapathChange> changes) {
        requireOpen();
        HostState next = HostStateBuilder.apply(state, changes);
        Set<PortId> waiting = realise(next);
        if (!waiting.isEmpty()) {
            throw new VnicDeviceMissingException(waiting);
        }
    }

    /**
     * The other hosts' DVR MACs (Neutron's get_dvr_mac_address_list / dvr_mac_address_update):
     * the host agent sets them through {@link #setPeerRouterMacs}, the lab directly.
     */
    @Override
    public synchronized void setPeerRouterMacs(Set<MacAddress> macs) {
        requireOpen();
        realise(HostStateBuilder.withPeerDvrMacs(state, macs));
    }

    @Override
    public void setObservationSink(ObservationSink sink) {
        this.observations = sink == null ? ObservationSink.NONE : sink;
    }

    /** Traces with the switch's ofproto/trace and the qrouter kernels ({@link OvsTracer}); nothing is sent. */
    @Override
    public synchronized void injectTraced(PortId port, byte[] frame, int traceId) {
        requireOpen();
        requireTraceId(traceId);
        new OvsTracer(ovs, installed, hostPrefix, physicalBridge, observations, traceId).fromVnic(port, frame);
    }

    @Override
    public synchronized void continueTraced(TraceContinuation continuation) {
        requireOpen();
        requireTraceId(continuation.traceId());
        new OvsTracer(ovs, installed, hostPrefix, physicalBridge, observations, continuation.traceId()).fromTunnel(continuation);
    }

    private static void requireTraceId(int traceId) {
        if (traceId < 1 || traceId > Vxlan.MAX_TRACE_ID) {
            throw new InvalidValueException("traceId", traceId, "must lie in 1-" + Vxlan.MAX_TRACE_ID);
        }
    }

    /** What the switch itself reports for a bridge ({@code ovs-ofctl --names dump-flows}). */
    public List<FlowDump.Entry> dumpFlows(OvsBridge bridge) {
        return FlowDump.parse(bridge, ovs.ofctl(null, "--names", "dump-flows", bridge.deviceName()).orThrow().output());
    }

    public OvsSwitch ovs() {
        return ovs;
    }

    /** The namespace this host gives DLR {@code dlr}'s qrouter (it exists while the host holds a LIF of it). */
    public String routerNamespace(DlrId dlr) {
        return OvsNames.qrouterNamespace(hostPrefix, dlr);
    }

    /**
     * Installs {@code next}, except vNIC ports whose devices are missing; then it is the state.
     *
     * @return the vNIC ports left out, waiting for their devices
     */
    private Set<PortId> realise(HostState next) {
        Set<PortId> waiting = vnicsWithoutDevice(next);
        install(waiting.isEmpty() ? next : HostStateBuilder.withoutPorts(next, waiting));
        state = next;
        if (!waiting.equals(announcedWaiting)) {
            waiting.stream().filter(p -> !announcedWaiting.contains(p)).forEach(p -> LOG.info(
                    "{}: vNIC port {} waits for its device {} to appear{}", next.config().hostId(), p,
                    OvsNames.vnicDevice(p), ovs.netns() == null ? "" : " in namespace " + ovs.netns()));
            announcedWaiting = waiting;
        }
        return waiting;
    }

    /**
     * The vNIC ports of {@code next} not attached yet whose devices are not in the switch's
     * namespace. One {@code ip link} call, and only when there are new vNIC ports.
     */
    private Set<PortId> vnicsWithoutDevice(HostState next) {
        List<PortId> fresh = next.ports().keySet().stream()
                .filter(p -> !installedPorts.containsKey(OvsNames.vnicDevice(p))).toList();
        if (fresh.isEmpty()) {
            return Set.of();
        }
        Set<String> devices = new HashSet<>();
        // "7: tapvm1@if6: <BROADCAST,..." → tapvm1
        for (String line : ovs.inNamespace("ip", "-o", "link", "show").orThrow().output().lines().toList()) {
            String[] words = line.split(" ", 3);
            if (words.length >= 2) {
                String name = words[1].endsWith(":") ? words[1].substring(0, words[1].length() - 1) : words[1];
                int at = name.indexOf('@');
                devices.add(at < 0 ? name : name.substring(0, at));
            }
        }
        return fresh.stream().filter(p -> !devices.contains(OvsNames.vnicDevice(p)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void install(HostState next) {
        resyncIfFlowsWereLost();
        SortedMap<String, RouterNamespace> namespaces = RouterPlan.of(next, hostPrefix);
        SortedMap<String, PortSpec> ports = PortPlan.of(next, physicalBridge);
        List<Flow> flows = FlowTranslator.translate(next);
        routerNamespaces.addNew(namespaces);
        isolateStalePorts(ports);
        addPorts(ports);
        for (OvsBridge b : OvsBridge.values()) {
            List<Flow> want = flows.stream().filter(f -> f.stage().bridge() == b).toList();
            FlowDelta delta = FlowDelta.between(installedFlows.get(b), want);
            if (!delta.isEmpty()) {
                ovs.ofctl(delta.ofctlBundle(), "--bundle", "add-flows", b.deviceName(), "-").orThrow();
            }
            installedFlows.put(b, want);
        }
        joinIsolatedPorts(ports);
        removePorts(ports);
        routerNamespaces.removeStale(namespaces);
        installed = next;
    }

    /**
     * Neutron's canary: br-int's CANARY table holds one flow that only this datapath installs.
     * When it is gone, the switch lost its flows (ovs-vswitchd restarted, or someone ran
     * del-flows), and the delta against what we believe is installed would add nothing back:
     * forget what was installed, so this batch installs everything again.
     */
    private void resyncIfFlowsWereLost() {
        if (installedFlows.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        String canary = ovs.ofctl(null, "dump-flows", OvsBridge.INT.deviceName(), "table=" + IntStage.CANARY.table())
                .orThrow().output();
        if (canary.lines().noneMatch(line -> line.contains("table=" + IntStage.CANARY.table()))) {
            LOG.warn("{}: br-int lost its flows (the canary is gone): Open vSwitch restarted or was cleared;"
                    + " installing every flow again", state.config().hostId());
            installedFlows.replaceAll((bridge, flows) -> List.of());
        }
    }

    private void addPorts(SortedMap<String, PortSpec> desired) {
        List<String> args = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (PortSpec p : desired.values()) {
            PortSpec old = installedPorts.get(p.name());
            if (p.equals(old)) {
                continue;
            }
            // Also replaces a port a failed earlier batch left on the switch unrecorded.
            args.addAll(List.of("--if-exists", "del-port", p.name(), "--"));
            args.addAll(List.of("add-port", p.bridge(), p.name()));
            if (p.tag() != 0) {
                // On the dead VLAN until its SpoofGuard flows are in (joinIsolatedPorts), as Neutron's agent
                // wires a port: until then NORMAL would switch, and learn from, whatever the VM sends.
                args.add("tag=" + DEAD_VLAN);
                isolated.add(p.name());
            }
            if (!p.columns().isEmpty()) {
                args.addAll(List.of("--", "set", "interface", p.name()));
                args.addAll(p.columns());
            }
            args.add("--");
            added.add(p.name());
        }
        if (added.isEmpty()) {
            return;
        }
        args.removeLast();
        ovs.vsctl(args.toArray(String[]::new)).orThrow();
        // Recorded before checking them, so that a port after a failing one is not left unrecorded.
        added.forEach(name -> installedPorts.put(name, desired.get(name)));
        for (String name : added) {
            String ofport = ovs.vsctl("get", "interface", name, "ofport").orThrow().output().strip();
            if (ofport.equals("-1") || ofport.equals("[]")) {
                String error = ovs.vsctl("get", "interface", name, "error").output().strip();
                // Leave no half-attached port; ports added before it are recorded and the next
                // batch removes them if the state still does not want them.
                ovs.vsctl("--if-exists", "del-port", name);
                installedPorts.remove(name);
                throw new OvsCommandException("port " + name + " has no OpenFlow port number (" + error + "): a vNIC's device "
                        + "must exist in the switch's network namespace before the port is attached");
            }
        }
    }

    /** Ports about to go lose their flows first: put them on the dead VLAN before that, so nothing passes unguarded. */
    private void isolateStalePorts(SortedMap<String, PortSpec> desired) {
        List<String> args = new ArrayList<>();
        installedPorts.forEach((name, spec) -> {
            if (spec.tag() != 0 && !desired.containsKey(name) && isolated.add(name)) {
                args.addAll(List.of("--if-exists", "set", "port", name, "tag=" + DEAD_VLAN, "--"));
            }
        });
        if (!args.isEmpty()) {
            args.removeLast();
            ovs.vsctl(args.toArray(String[]::new)).orThrow();
        }
    }

    /** Ports on the dead VLAN whose flows are now installed get their local VLAN. */
    private void joinIsolatedPorts(SortedMap<String, PortSpec> desired) {
        List<String> args = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (String name : isolated) {
            PortSpec spec = desired.get(name);
            if (spec != null) {
                args.addAll(List.of("set", "port", name, "tag=" + spec.tag(), "--"));
                joined.add(name);
            }
        }
        if (!args.isEmpty()) {
            args.removeLast();
            ovs.vsctl(args.toArray(String[]::new)).orThrow();
        }
        joined.forEach(isolated::remove);
    }

    private void removePorts(SortedMap<String, PortSpec> desired) {
        List<String> stale = installedPorts.keySet().stream().filter(n -> !desired.containsKey(n)).toList();
        for (String name : stale) {
            ovs.vsctl("--if-exists", "del-port", name).orThrow();
            installedPorts.remove(name);
            isolated.remove(name);
        }
    }

    /**
     * What Open vSwitch's flow counts tell: ARP suppression (the ARP responder flows) and
     * SpoofGuard's drops (its drop tables). Every other field is zero: packet counters are not
     * read back yet.
     */
    @Override
    public DatapathCounters counters() {
        long arp = dumpFlows(OvsBridge.TUN).stream()
                .filter(e -> e.stage() == TunStage.ARP_RESPONDER && e.priority() == 1)
                .mapToLong(FlowDump.Entry::packets).sum();
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (FlowDump.Entry e : dumpFlows(OvsBridge.INT)) {
            // SpoofGuard's drop tables: each one flow that is never removed, so its count only grows.
            PortSecurityFlows.dropReason(e.stage()).ifPresent(r -> drops.merge(r, e.packets(), Long::sum));
        }
        return new DatapathCounters(0, 0, 0, 0, 0, 0, arp, 0, 0, drops);
    }

    @Override
    public synchronized DatapathTables tables() {
        return TablesView.of(installed);
    }

    /** Removes the qrouter namespaces and the ports this datapath added; leaves the bridges. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Ports before the devices behind them, as realise() does.
        for (String name : List.copyOf(installedPorts.keySet())) {
            ovs.vsctl("--if-exists", "del-port", name);
        }
        installedPorts.clear();
        routerNamespaces.removeAll();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("datapath of " + state.config().hostId() + " is closed");
        }
    }
}
