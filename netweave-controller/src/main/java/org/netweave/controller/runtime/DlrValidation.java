package org.netweave.controller.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * The rules a DLR's LIFs, bridges and forwarding table keep (NSX-V reference §1 and §7). Each
 * check runs before anything is changed and throws {@link InvalidValueException} naming the field,
 * the DLR and the object in the way.
 */
final class DlrValidation {
    /** NSX-V: 999 LIFs per DLR. */
    static final int MAX_LIFS = 999;
    /** NSX-V's interface indexes 1–9 are the uplinks. */
    static final int MAX_UPLINKS = 9;

    private DlrValidation() {
    }

    /** A new or changed LIF against the DLR's other LIFs. */
    static void checkLif(DlrId dlr, Map<LifId, DlrLif> lifs, DlrLif lif) {
        Fields.present("lif", lif);
        DlrLif old = lifs.get(lif.id());
        if (old == null && lifs.size() >= MAX_LIFS) {
            throw new InvalidValueException("lifId", lif.id().value(), "would be LIF number " + (MAX_LIFS + 1)
                    + " of " + dlr + "; a DLR has at most " + MAX_LIFS);
        }
        if (lif.uplink() && (old == null || !old.uplink())
                && lifs.values().stream().filter(DlrLif::uplink).count() >= MAX_UPLINKS) {
            throw new InvalidValueException("uplink", true, "would make LIF " + lif.id() + " uplink number "
                    + (MAX_UPLINKS + 1) + " of " + dlr + "; a DLR has at most " + MAX_UPLINKS);
        }
        for (DlrLif other : lifs.values()) {
            if (other.id().equals(lif.id())) {
                continue;
            }
            if (other.segment().equals(lif.segment())) {
                String field = lif.segment() instanceof LifSegment.Vxlan ? "vni" : "vlan";
                throw new InvalidValueException(field, lif.segment().id(), "already has LIF " + other.id() + " of "
                        + dlr + "; a " + (field.equals("vni") ? "logical switch" : "VLAN") + " has at most one LIF");
            }
            if (other.address().subnet().overlaps(lif.address().subnet())) {
                throw new InvalidValueException("address", lif.address().toString(), "overlaps LIF " + other.id()
                        + " (" + other.address() + ") of " + dlr);
            }
        }
    }

    /** A new or changed bridge against the DLR's other bridges: one bridge per VNI and per VLAN. */
    static void checkBridge(DlrId dlr, Collection<DlrBridge> bridges, DlrBridge bridge) {
        Fields.present("bridge", bridge);
        for (DlrBridge other : bridges) {
            if (other.id().equals(bridge.id())) {
                continue;
            }
            if (other.vni().equals(bridge.vni())) {
                throw new InvalidValueException("vni", bridge.vni().value(), "is already bridged by " + other.id()
                        + " of " + dlr);
            }
            if (other.vlan().equals(bridge.vlan())) {
                throw new InvalidValueException("vlan", bridge.vlan().value(), "is already bridged by " + other.id()
                        + " of " + dlr);
            }
        }
    }

    /**
     * A control VM's forwarding table: each route leaves by a LIF of the DLR and is either
     * connected or has its next hop inside that LIF's subnet (not the LIF's own address); each
     * prefix appears once, because hosts key routes by prefix (no ECMP).
     */
    static void checkForwardingTable(DlrId dlr, Map<LifId, DlrLif> lifs, List<DlrRoute> routes) {
        Fields.present("routes", routes);
        Map<Ipv4Prefix, DlrRoute> seen = new HashMap<>();
        for (DlrRoute route : routes) {
            Fields.present("route", route);
            DlrLif lif = lifs.get(route.lif());
            if (lif == null) {
                throw new InvalidValueException("lifId", route.lif().value(), "of route " + route
                        + " is not a LIF of " + dlr);
            }
            if (!route.isConnected() && !reachable(route, lif)) {
                throw new InvalidValueException("nextHop", route.nextHop().toString(), "of route " + route
                        + " is not a neighbour on LIF " + lif.id() + " (" + lif.address() + ")");
            }
            DlrRoute twin = seen.putIfAbsent(route.prefix(), route);
            if (twin != null) {
                throw new InvalidValueException("prefix", route.prefix().toString(), "of route " + route
                        + " is also the prefix of route " + twin + "; one route per prefix");
            }
        }
    }

    /** Whether the route's next hop is a neighbour on {@code lif}: inside its subnet, not its own address. */
    static boolean reachable(DlrRoute route, DlrLif lif) {
        return lif.address().subnet().contains(route.nextHop()) && !lif.address().address().equals(route.nextHop());
    }
}
