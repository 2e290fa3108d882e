package org.netweave.dataplane.emulated;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.*;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.model.PortId;

/**
 * Checks a whole batch against the installed topology before any of it is applied, so a batch
 * is all-or-nothing. It replays the batch over a copy of the ids only (switches, ports, DLRs,
 * LIFs, routes, bridges); the big tables (MACs, ARP, VTEPs) need nothing but their switch.
 */
final class BatchValidator {
    private final String host;
    private final MacAddress routerMac;
    private final Set<Integer> vnis = new HashSet<>();
    private final Map<PortId, VnicPort> ports = new HashMap<>();
    private final Map<DlrId, Map<LifId, Lif>> lifs = new HashMap<>();
    private final Map<DlrId, Map<Ipv4Prefix, StaticRoute>> routes = new HashMap<>();
    private final Map<BridgeId, Bridge> bridges = new HashMap<>();

    private BatchValidator(HostTables tables) {
        host = tables.config.hostId().value();
        routerMac = tables.config.routerMac();
        tables.switches.keySet().forEach(vnis::add);
        tables.portsById.forEach((id, p) -> ports.put(id, p.spec));
        tables.routers.forEach((id, r) -> {
            Map<LifId, Lif> l = new HashMap<>();
            r.lifs.forEach((lid, li) -> l.put(lid, li.spec));
            lifs.put(id, l);
            routes.put(id, new HashMap<>(r.staticRoutes));
        });
        tables.bridges.forEach((id, b) -> bridges.put(id, b.spec));
    }

    static void validate(HostTables tables, List<? extends DatapathChange> changes) {
        BatchValidator v = new BatchValidator(tables);
        changes.forEach(v::check);
    }

    private void check(DatapathChange change) {
        switch (change) {
            case PutLogicalSwitch c -> vnis.add(c.spec().vni().value());
            case RemoveLogicalSwitch c -> removeSwitch(c.vni().value());
            case PutVtep c -> requireSwitch(c.vni().value());
            case RemoveVtep c -> { }
            case PutRemoteMac c -> requireSwitch(c.vni().value());
            case RemoveRemoteMac c -> { }
            case PutArpEntry c -> requireSwitch(c.vni().value());
            case RemoveArpEntry c -> { }
            case PutExternalVtep c -> putExternal(c.vni(), c.vtep());
            case RemoveExternalVtep c -> { }
            case AttachPort c -> attach(c.port());
            case DetachPort c -> ports.remove(c.portId());
            case PutDlr c -> {
                lifs.putIfAbsent(c.dlrId(), new HashMap<>());
                routes.putIfAbsent(c.dlrId(), new HashMap<>());
            }
            case RemoveDlr c -> {
                lifs.remove(c.dlrId());
                routes.remove(c.dlrId());
            }
            case PutLif c -> putLif(c.dlrId(), c.lif());
            case RemoveLif c -> removeLif(c.dlrId(), c.lifId());
            case PutRoute c -> putRoute(c.dlrId(), c.route());
            case RemoveRoute c -> {
                Map<Ipv4Prefix, StaticRoute> r = routes.get(c.dlrId());
                if (r != null) {
                    r.remove(c.prefix());
                }
            }
            case PutBridge c -> putBridge(c.bridge());
            case RemoveBridge c -> bridges.remove(c.bridgeId());
        }
    }

    private void requireSwitch(int vni) {
        if (!vnis.contains(vni)) {
            throw new InvalidValueException("vni", vni, "is not a logical switch on " + host);
        }
    }

    private Map<LifId, Lif> requireDlr(DlrId id) {
        Map<LifId, Lif> l = lifs.get(id);
        if (l == null) {
            throw new InvalidValueException("dlrId", id.value(), "is not a DLR instance on " + host);
        }
        return l;
    }

    private void removeSwitch(int vni) {
        ports.values().stream().filter(p -> p.vni().value() == vni).findFirst().ifPresent(p -> {
            throw new InvalidValueException("vni", vni, "still has port " + p.id() + "; detach it first");
        });
        lifs.forEach((dlr, l) -> l.values().stream().filter(x -> x.vni().value() == vni).findFirst().ifPresent(x -> {
            throw new InvalidValueException("vni", vni, "still has LIF " + x.id() + " of " + dlr + "; remove it first");
        }));
        Bridge.requireNoneOn(bridges.values(), Vni.of(vni));
        vnis.remove(vni);
    }

    private void attach(VnicPort port) {
        requireSwitch(port.vni().value());
        requireNotRouterMac(port.vni(), port.mac());
        ports.values().stream()
                .filter(p -> !p.id().equals(port.id()) && p.vni().equals(port.vni()) && p.mac().equals(port.mac()))
                .findFirst().ifPresent(p -> {
                    throw new InvalidValueException("mac", port.mac().toString(),
                            "is already used by port " + p.id() + " on logical switch " + port.vni());
                });
        ports.put(port.id(), port);
    }

    private void putLif(DlrId dlr, Lif lif) {
        Map<LifId, Lif> own = requireDlr(dlr);
        requireSwitch(lif.vni().value());
        lifs.forEach((otherDlr, l) -> l.values().forEach(x -> {
            if (x.vni().equals(lif.vni()) && !(otherDlr.equals(dlr) && x.id().equals(lif.id()))) {
                throw new InvalidValueException("vni", lif.vni().value(),
                        "already has LIF " + x.id() + " of " + otherDlr + " (a logical switch belongs to at most one DLR)");
            }
        }));
        ports.values().stream().filter(p -> p.vni().equals(lif.vni()) && p.mac().equals(lif.vmac())).findFirst()
                .ifPresent(p -> {
                    throw new InvalidValueException("vmac", lif.vmac().toString(), "is the MAC of port " + p.id());
                });
        routes.get(dlr).values().stream()
                .filter(r -> r.egressLif().equals(lif.id()) && r.nextHop() != null && !lif.address().subnet().contains(r.nextHop()))
                .findFirst().ifPresent(r -> {
                    throw new InvalidValueException("address", lif.address().toString(), "no longer holds next hop "
                            + r.nextHop() + " of route " + r.prefix() + " via " + lif.id() + "; change the route first");
                });
        own.values().forEach(x -> {
            if (!x.id().equals(lif.id()) && x.address().subnet().overlaps(lif.address().subnet())) {
                throw new InvalidValueException("address", lif.address().toString(),
                        "overlaps LIF " + x.id() + " (" + x.address() + ") of " + dlr);
            }
        });
        own.put(lif.id(), lif);
    }

    private void removeLif(DlrId dlr, LifId lifId) {
        Map<LifId, Lif> own = lifs.get(dlr);
        if (own == null) {
            return;
        }
        routes.get(dlr).values().stream().filter(r -> r.egressLif().equals(lifId)).findFirst().ifPresent(r -> {
            throw new InvalidValueException("lifId", lifId.value(), "is still the egress of route " + r.prefix() + "; remove the route first");
        });
        own.remove(lifId);
    }

    private void putExternal(Vni vni, ExternalVtep vtep) {
        requireSwitch(vni.value());
        for (MacAddress mac : vtep.endpoints().values()) {
            requireNotRouterMac(vni, mac);
            ports.values().stream().filter(p -> p.vni().equals(vni) && p.mac().equals(mac)).findFirst().ifPresent(p -> {
                throw new InvalidValueException("endpoints", mac.toString(), "is the MAC of local port " + p.id());
            });
        }
    }

    /** A VM or an external endpoint must not claim a MAC the router answers to on that switch. */
    private void requireNotRouterMac(Vni vni, MacAddress mac) {
        if (mac.equals(routerMac)) {
            throw new InvalidValueException("mac", mac.toString(), "is the router MAC of " + host);
        }
        lifs.forEach((dlr, l) -> l.values().forEach(lif -> {
            if (lif.vni().equals(vni) && lif.vmac().equals(mac)) {
                throw new InvalidValueException("mac", mac.toString(), "is the vMAC of LIF " + lif.id() + " of " + dlr);
            }
        }));
    }

    private void putRoute(DlrId dlr, StaticRoute route) {
        Lif lif = requireDlr(dlr).get(route.egressLif());
        if (lif == null) {
            throw new InvalidValueException("egressLif", route.egressLif().value(), "is not a LIF of " + dlr);
        }
        if (route.nextHop() != null) {
            if (!lif.address().subnet().contains(route.nextHop())) {
                throw new InvalidValueException("nextHop", route.nextHop().toString(),
                        "is not directly reachable on LIF " + lif.id() + " (" + lif.address().subnet() + ")");
            }
            if (lif.address().address().equals(route.nextHop())) {
                throw new InvalidValueException("nextHop", route.nextHop().toString(), "is the LIF's own address");
            }
        }
        routes.get(dlr).put(route.prefix(), route);
    }

    private void putBridge(Bridge bridge) {
        requireSwitch(bridge.vni().value());
        bridge.requireDistinctFrom(bridges.values());
        bridges.put(bridge.id(), bridge);
    }
}
