package org.netweave.dataplane.emulated;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.*;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.DlrId;
import org.netweave.model.LifId;

/**
 * Applies a validated batch of changes to a host's tables. Runs on the forwarding thread
 * between two packets, so the batch is atomic for the data plane; replication plans of the
 * switches it touched are recomputed once at the end.
 */
final class ChangeApplier {
    private final HostTables t;
    private final Pipeline p;
    private final Set<SwitchInstance> dirty = new LinkedHashSet<>();
    private final List<Binding> learned = new java.util.ArrayList<>();

    private ChangeApplier(HostTables tables, Pipeline pipeline) {
        this.t = tables;
        this.p = pipeline;
    }

    static void apply(HostTables tables, Pipeline pipeline, List<? extends DatapathChange> changes) {
        BatchValidator.validate(tables, changes);
        ChangeApplier applier = new ChangeApplier(tables, pipeline);
        try {
            changes.forEach(applier::applyOne);
            applier.dirty.forEach(applier::replan);
        } finally {
            tables.generation++;
        }
        // Packets waiting for a binding this batch brought go out only now, so that none of
        // them is forwarded by tables that hold half of the batch.
        applier.learned.forEach(b -> pipeline.routing.neighbourLearned(b.ls(), b.ip(), b.mac()));
    }

    private record Binding(SwitchInstance ls, int ip, long mac) {
    }

    private void bind(SwitchInstance ls, int ip, long mac) {
        if (p.arp.record(ls, ip, mac)) {
            learned.add(new Binding(ls, ip, mac));
        }
    }

    private void applyOne(DatapathChange change) {
        switch (change) {
            case PutLogicalSwitch c -> putSwitch(c);
            case RemoveLogicalSwitch c -> removeSwitch(c);
            case PutVtep c -> putVtep(c);
            case RemoveVtep c -> withSwitch(c.vni().value(), ls -> removeVtep(ls, c.vtepIp()));
            case PutRemoteMac c -> putRemoteMac(c);
            case RemoveRemoteMac c -> withSwitch(c.vni().value(), ls -> removeRemoteMac(ls, c.mac().value()));
            case PutArpEntry c -> bind(ls(c.vni().value()), c.ip().value(), c.mac().value());
            case RemoveArpEntry c -> withSwitch(c.vni().value(), ls -> ls.arpTable.remove(c.ip().value() & 0xFFFF_FFFFL));
            case PutExternalVtep c -> putExternal(ls(c.vni().value()), c.vtep());
            case RemoveExternalVtep c -> withSwitch(c.vni().value(), ls -> removeExternal(ls, c.vtepIp().value()));
            case AttachPort c -> attach(c.port());
            case DetachPort c -> detach(c.portId());
            case PutDlr c -> t.routers.putIfAbsent(c.dlrId(), new RouterInstance(c.dlrId()));
            case RemoveDlr c -> removeDlr(c.dlrId());
            case PutLif c -> putLif(t.routers.get(c.dlrId()), c.lif());
            case RemoveLif c -> withRouter(c.dlrId(), r -> removeLif(r, c.lifId()));
            case PutRoute c -> t.routers.get(c.dlrId()).putRoute(c.route());
            case RemoveRoute c -> withRouter(c.dlrId(), r -> r.removeRoute(c.prefix()));
            case PutBridge c -> putBridge(c.bridge());
            case RemoveBridge c -> removeBridge(c.bridgeId());
        }
    }

    private void putSwitch(PutLogicalSwitch c) {
        SwitchInstance ls = t.switches.get(c.spec().vni().value());
        if (ls == null) {
            ls = new SwitchInstance(c.spec());
            t.switches.put(ls.vni, ls);
        }
        ls.spec = c.spec();
        dirty.add(ls);
    }

    private void removeSwitch(RemoveLogicalSwitch c) {
        SwitchInstance ls = t.switches.remove(c.vni().value());
        if (ls != null) {
            p.routing.forget(ls);
            dirty.remove(ls);
        }
    }

    private void putVtep(PutVtep c) {
        SwitchInstance ls = ls(c.vni().value());
        ls.vteps.put(c.vtep().ip(), c.vtep());
        ls.rebuildSources();
        dirty.add(ls);
    }

    private void removeVtep(SwitchInstance ls, org.netweave.model.Ipv4Address ip) {
        if (ls.vteps.remove(ip) != null) {
            forgetMacsBehind(ls, ip.value());
            ls.rebuildSources();
            dirty.add(ls);
        }
    }

    private void putRemoteMac(PutRemoteMac c) {
        SwitchInstance ls = ls(c.vni().value());
        if (MacDestination.replaceable(ls.macTable.get(c.mac().value()))) {
            int vtep = c.vtepIp().value();
            int kind = ls.externalSources.contains(vtep) ? MacDestination.EXTERNAL_VTEP : MacDestination.REMOTE_VTEP;
            ls.macTable.put(c.mac().value(), MacDestination.of(kind, vtep, false));
        }
    }

    private static void removeRemoteMac(SwitchInstance ls, long mac) {
        int kind = MacDestination.kind(ls.macTable.get(mac));
        if (kind == MacDestination.REMOTE_VTEP || kind == MacDestination.EXTERNAL_VTEP) {
            ls.macTable.remove(mac);
        }
    }

    private void putBridge(Bridge spec) {
        BridgeInstance current = t.bridges.get(spec.id());
        if (current != null && current.spec.equals(spec)) {
            return; // unchanged: keep what the bridge has learned
        }
        removeBridge(spec.id());
        SwitchInstance ls = ls(spec.vni().value());
        BridgeInstance bridge = new BridgeInstance(spec, ls);
        ls.bridge = bridge;
        t.bridges.put(spec.id(), bridge);
        t.bridgesByVlan.put(bridge.vlan, bridge);
    }

    private SwitchInstance ls(int vni) {
        return t.switches.get(vni);
    }

    private void withSwitch(int vni, Consumer<SwitchInstance> action) {
        SwitchInstance ls = t.switches.get(vni);
        if (ls != null) {
            action.accept(ls);
        }
    }

    private void withRouter(DlrId id, Consumer<RouterInstance> action) {
        RouterInstance r = t.routers.get(id);
        if (r != null) {
            action.accept(r);
        }
    }

    private void replan(SwitchInstance ls) {
        ls.replication = ReplicationPlan.compute(ls.vni, ls.spec.replication(), ls.spec.multicastGroup(),
                t.config.vtepIp(), t.config.vtepSegment(), List.copyOf(ls.vteps.values()),
                List.copyOf(ls.externalVteps.keySet()));
    }

    private static void forgetMacsBehind(SwitchInstance ls, int vtep) {
        ls.macTable.entrySet().removeIf(e -> {
            int kind = MacDestination.kind(e.getValue());
            return (kind == MacDestination.REMOTE_VTEP || kind == MacDestination.EXTERNAL_VTEP)
                    && MacDestination.datum(e.getValue()) == vtep;
        });
    }

    private void putExternal(SwitchInstance ls, ExternalVtep vtep) {
        removeExternal(ls, vtep.ip().value());
        ls.externalVteps.put(vtep.ip(), vtep);
        ls.rebuildSources();
        vtep.endpoints().forEach((ip, mac) -> {
            if (MacDestination.replaceable(ls.macTable.get(mac.value()))) {
                ls.macTable.put(mac.value(), MacDestination.of(MacDestination.EXTERNAL_VTEP, vtep.ip().value(), false));
            }
            bind(ls, ip.value(), mac.value());
        });
        dirty.add(ls);
    }

    private void removeExternal(SwitchInstance ls, int ip) {
        ExternalVtep old = ls.externalVteps.remove(org.netweave.model.Ipv4Address.of(ip));
        if (old == null) {
            return;
        }
        old.endpoints().forEach((addr, mac) -> {
            if (ls.arpTable.get(addr.value() & 0xFFFF_FFFFL) == mac.value()) {
                ls.arpTable.remove(addr.value() & 0xFFFF_FFFFL);
            }
        });
        forgetMacsBehind(ls, ip);
        ls.rebuildSources();
        dirty.add(ls);
    }

    private void attach(VnicPort spec) {
        PortInstance existing = t.portsById.get(spec.id());
        if (existing != null) {
            if (existing.spec.equals(spec)) {
                return;
            }
            detach(spec.id());
        }
        SwitchInstance ls = ls(spec.vni().value());
        PortInstance port = new PortInstance(t.freePortIndex(), spec, ls);
        port.endpoint = t.endpoints.get(spec.id());
        t.ports[port.index] = port;
        t.portsById.put(spec.id(), port);
        ls.addPort(port);
        ls.macTable.put(port.mac, MacDestination.of(MacDestination.LOCAL_PORT, port.index, false));
    }

    private void detach(org.netweave.model.PortId id) {
        PortInstance port = t.portsById.remove(id);
        if (port == null) {
            return;
        }
        t.ports[port.index] = null;
        port.ls.removePort(port);
        long entry = port.ls.macTable.get(port.mac);
        if (MacDestination.kind(entry) == MacDestination.LOCAL_PORT && MacDestination.datum(entry) == port.index) {
            port.ls.macTable.remove(port.mac);
        }
    }

    private void removeDlr(DlrId id) {
        RouterInstance r = t.routers.remove(id);
        if (r != null) {
            List.copyOf(r.lifs.keySet()).forEach(lif -> unbind(r.lifs.get(lif)));
        }
    }

    private void putLif(RouterInstance router, Lif spec) {
        LifInstance old = router.lifs.get(spec.id());
        if (old != null) {
            unbind(old);
        }
        SwitchInstance ls = ls(spec.vni().value());
        LifInstance lif = new LifInstance(spec, router, ls);
        ls.lif = lif;
        ls.macTable.put(lif.vmac, MacDestination.of(MacDestination.ROUTER, 0, false));
        ls.macTable.put(t.routerMac, MacDestination.of(MacDestination.ROUTER, 1, false));
        router.putLif(lif);
    }

    private void removeLif(RouterInstance router, LifId id) {
        LifInstance lif = router.lifs.get(id);
        if (lif != null) {
            unbind(lif);
            router.removeLif(id);
        }
    }

    /** Detaches a LIF from its logical switch. */
    private void unbind(LifInstance lif) {
        SwitchInstance ls = lif.ls;
        if (ls.lif == lif) {
            ls.lif = null;
            ls.macTable.remove(lif.vmac);
            ls.macTable.remove(t.routerMac);
        }
    }

    private void removeBridge(org.netweave.model.BridgeId id) {
        BridgeInstance old = t.bridges.remove(id);
        if (old == null) {
            return;
        }
        t.bridgesByVlan.remove(old.vlan);
        if (old.ls.bridge == old) {
            old.ls.bridge = null;
        }
        old.ls.macTable.entrySet().removeIf(e -> MacDestination.kind(e.getValue()) == MacDestination.VLAN);
    }
}
