package org.netweave.dataplane.emulated;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    }

    private void applyOne(DatapathChange change) {
        switch (change) {
            case PutLogicalSwitch c -> {
                SwitchInstance ls = t.switches.get(c.spec().vni().value());
                if (ls == null) {
                    ls = new SwitchInstance(c.spec());
                    t.switches.put(ls.vni, ls);
                }
                ls.spec = c.spec();
                dirty.add(ls);
            }
            case RemoveLogicalSwitch c -> {
                SwitchInstance ls = t.switches.remove(c.vni().value());
                if (ls != null) {
                    p.routing.forget(ls);
                    dirty.remove(ls);
                }
            }
            case PutVtep c -> {
                SwitchInstance ls = ls(c.vni().value());
                ls.vteps.put(c.vtep().ip(), c.vtep());
                ls.rebuildSources();
                dirty.add(ls);
            }
            case RemoveVtep c -> withSwitch(c.vni().value(), ls -> {
                if (ls.vteps.remove(c.vtepIp()) != null) {
                    forgetMacsBehind(ls, c.vtepIp().value());
                    ls.rebuildSources();
                    dirty.add(ls);
                }
            });
            case PutRemoteMac c -> {
                SwitchInstance ls = ls(c.vni().value());
                long current = ls.macTable.get(c.mac().value());
                int kind = MacDestination.kind(current);
                if (current == MacDestination.MISSING || (kind != MacDestination.LOCAL_PORT && kind != MacDestination.ROUTER)) {
                    int vtep = c.vtepIp().value();
                    int k = ls.externalSources.contains(vtep) ? MacDestination.EXTERNAL_VTEP : MacDestination.REMOTE_VTEP;
                    ls.macTable.put(c.mac().value(), MacDestination.of(k, vtep, false));
                }
            }
            case RemoveRemoteMac c -> withSwitch(c.vni().value(), ls -> {
                long current = ls.macTable.get(c.mac().value());
                int kind = MacDestination.kind(current);
                if (current != MacDestination.MISSING && (kind == MacDestination.REMOTE_VTEP || kind == MacDestination.EXTERNAL_VTEP)) {
                    ls.macTable.remove(c.mac().value());
                }
            });
            case PutArpEntry c -> p.arp.learn(ls(c.vni().value()), c.ip().value(), c.mac().value());
            case RemoveArpEntry c -> withSwitch(c.vni().value(), ls -> ls.arpTable.remove(c.ip().value() & 0xFFFF_FFFFL));
            case PutExternalVtep c -> putExternal(ls(c.vni().value()), c.vtep());
            case RemoveExternalVtep c -> withSwitch(c.vni().value(), ls -> removeExternal(ls, c.vtepIp().value()));
            case AttachPort c -> attach(c.port());
            case DetachPort c -> detach(c.portId());
            case PutDlr c -> t.routers.putIfAbsent(c.dlrId(), new RouterInstance(c.dlrId()));
            case RemoveDlr c -> removeDlr(c.dlrId());
            case PutLif c -> putLif(t.routers.get(c.dlrId()), c.lif());
            case RemoveLif c -> {
                RouterInstance r = t.routers.get(c.dlrId());
                if (r != null) {
                    removeLif(r, c.lifId());
                }
            }
            case PutRoute c -> t.routers.get(c.dlrId()).putRoute(c.route());
            case RemoveRoute c -> {
                RouterInstance r = t.routers.get(c.dlrId());
                if (r != null) {
                    r.removeRoute(c.prefix());
                }
            }
            case PutBridge c -> {
                removeBridge(c.bridge().id());
                SwitchInstance ls = ls(c.bridge().vni().value());
                BridgeInstance bridge = new BridgeInstance(c.bridge(), ls);
                ls.bridge = bridge;
                t.bridges.put(c.bridge().id(), bridge);
                t.bridgesByVlan.put(bridge.vlan, bridge);
            }
            case RemoveBridge c -> removeBridge(c.bridgeId());
        }
    }

    private SwitchInstance ls(int vni) {
        return t.switches.get(vni);
    }

    private void withSwitch(int vni, java.util.function.Consumer<SwitchInstance> action) {
        SwitchInstance ls = t.switches.get(vni);
        if (ls != null) {
            action.accept(ls);
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
            ls.macTable.put(mac.value(), MacDestination.of(MacDestination.EXTERNAL_VTEP, vtep.ip().value(), false));
            p.arp.learn(ls, ip.value(), mac.value());
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
