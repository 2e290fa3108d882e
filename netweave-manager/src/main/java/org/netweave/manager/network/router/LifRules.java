package org.netweave.manager.network.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * What a DLR's interfaces must satisfy (NSX-V limits and DLR caveats). Pure: the admin services
 * load the facts and call these. A conflict inside the request is a 400; a conflict with what is
 * stored is a 409. Errors name the field by its request path.
 */
public final class LifRules {
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 9000;
    public static final int DEFAULT_MTU = 1500;
    /** 9 uplinks (1-9) and 990 internals (10-999); index 0 is the control VM's HA interface. */
    public static final int MAX_LIFS = LifType.UPLINK.capacity() + LifType.INTERNAL.capacity();

    private LifRules() {
    }

    /** The interfaces of a new DLR, each parsed. */
    public static List<LifSpec> parseAll(List<DlrInterfaceRequest> raw) {
        Fields.required("interfaces", raw);
        List<LifSpec> specs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = "interfaces[" + i + "]";
            specs.add(parse(Fields.required(path, raw.get(i)), path));
        }
        return specs;
    }

    /** One interface: a name, a type, exactly one of a switch and a VLAN, one host address, an MTU. */
    public static LifSpec parse(DlrInterfaceRequest request, String path) {
        String name = Fields.name(LifSpec.field(path, "name"), request.name(), Fields.MAX_NAME);
        LifType type = Fields.required(LifSpec.field(path, "type"), request.type());
        if (request.logicalSwitchId() == null && request.vlan() == null) {
            throw new ApiException(400, "missing_field", LifSpec.field(path, "logicalSwitchId"),
                    "an interface is on a logical switch or a VLAN: give logicalSwitchId or vlan");
        }
        if (request.logicalSwitchId() != null && request.vlan() != null) {
            throw ApiException.invalid(LifSpec.field(path, "vlan"),
                    "an interface is on a logical switch or a VLAN, not both: give logicalSwitchId or vlan");
        }
        LogicalSwitchId logicalSwitch = request.logicalSwitchId() == null ? null
                : Fields.id(LifSpec.field(path, "logicalSwitchId"), request.logicalSwitchId(), LogicalSwitchId::of);
        VlanId vlan = request.vlan() == null ? null : Fields.vlan(LifSpec.field(path, "vlan"), request.vlan());
        Ipv4InterfaceAddress address = Fields.interfaceAddress(LifSpec.field(path, "address"), request.address());
        if (address.prefixLength() == 32) {
            throw ApiException.invalid(LifSpec.field(path, "address"), LifSpec.field(path, "address") + ": " + address
                    + " has no subnet; a LIF needs room for the hosts it routes for");
        }
        int mtu = request.mtu() == null ? DEFAULT_MTU : request.mtu();
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw ApiException.invalid(LifSpec.field(path, "mtu"), LifSpec.field(path, "mtu") + ": " + mtu + " is outside "
                    + MIN_MTU + "-" + MAX_MTU);
        }
        return new LifSpec(path, name, type, logicalSwitch, vlan, address, mtu);
    }

    /** A new DLR needs a LIF on a logical switch: that switch's transport zone decides which hosts get the DLR. */
    public static void requireSwitchLif(List<LifSpec> specs) {
        if (specs.stream().noneMatch(spec -> spec.logicalSwitch() != null)) {
            throw ApiException.invalid("interfaces", "a DLR needs at least one interface on a logical switch; its"
                    + " transport zone decides which hosts get the DLR");
        }
    }

    /**
     * The switches and VLANs of new LIFs: each switch exists, is on no other DLR and lies in the
     * DLR's transport zone; each VLAN is on no other DLR.
     *
     * @param self      the DLR the LIFs join, or null for a new DLR
     * @param zone      that DLR's zone, or null for a new DLR (its first switch decides)
     * @param switches  facts about every switch the specs name (absent = no such switch)
     * @param vlanOwners the DLR that has each VLAN the specs name, if any
     * @return the DLR's zone
     */
    public static TransportZoneId checkNetworks(DlrRef self, TransportZoneId zone, List<LifSpec> specs,
                                                Map<LogicalSwitchId, SwitchFacts> switches, Map<VlanId, DlrRef> vlanOwners) {
        TransportZoneId dlrZone = zone;
        for (LifSpec spec : specs) {
            if (spec.logicalSwitch() != null) {
                String field = spec.field("logicalSwitchId");
                SwitchFacts facts = switches.get(spec.logicalSwitch());
                if (facts == null) {
                    throw ApiException.notFound(field, "logical switch", spec.logicalSwitch());
                }
                if (isOther(facts.lifOwner(), self)) {
                    throw ApiException.conflict(field, "logical switch " + facts.id() + " is already connected to DLR "
                            + facts.lifOwner() + "; a logical switch is on at most one DLR");
                }
                if (dlrZone == null) {
                    dlrZone = facts.zone();
                } else if (!dlrZone.equals(facts.zone())) {
                    throw ApiException.conflict(field, "logical switch " + facts.id() + " is in transport zone "
                            + facts.zone() + ", but the DLR's logical switches are in " + dlrZone
                            + "; a DLR cannot span transport zones");
                }
            } else {
                DlrRef owner = vlanOwners.get(spec.vlan());
                if (isOther(owner, self)) {
                    throw ApiException.conflict(spec.field("vlan"), "VLAN " + spec.vlan() + " is already connected to DLR "
                            + owner + "; a VLAN is on at most one DLR");
                }
            }
        }
        return dlrZone;
    }

    /**
     * Checks new LIFs against each other (400) and the DLR's LIFs (409) — names unique, a switch or
     * VLAN once, subnets disjoint — and gives each the lowest free index of its type's range.
     *
     * @param vnis the VNI of every switch the specs name
     */
    public static List<Lif> assign(List<Lif> existing, List<LifSpec> specs, Map<LogicalSwitchId, Vni> vnis, long generation) {
        TreeSet<Integer> taken = new TreeSet<>();
        existing.forEach(lif -> taken.add(lif.index()));
        List<Lif> added = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LifSpec spec = specs.get(i);
            List<LifSpec> before = specs.subList(0, i);
            checkName(spec, existing, before);
            checkNetworkOnce(spec, existing, before);
            checkSubnet(spec, existing, before);
            int index = lowestFree(taken, spec.type());
            if (index < 0) {
                throw tooMany(spec, existing);
            }
            taken.add(index);
            added.add(new Lif(index, spec.name(), spec.type(), spec.logicalSwitch(),
                    spec.logicalSwitch() == null ? null : Objects.requireNonNull(vnis.get(spec.logicalSwitch())),
                    spec.vlan(), spec.address(), Lif.VIRTUAL_MAC, spec.mtu(), generation));
        }
        return added;
    }

    /**
     * A LIF may go unless a static route or the default route needs it to reach its next hop, or
     * it is the DLR's last LIF on a logical switch (that switch's zone places the DLR).
     */
    public static void checkRemovable(List<Lif> lifs, Lif removed, List<StaticRoute> routes, StaticRoute defaultRoute) {
        List<StaticRoute> all = new ArrayList<>(routes);
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        List<String> needing = all.stream().filter(route -> removed.subnet().contains(route.nextHop()))
                .map(route -> route.network() + " via " + route.nextHop()).toList();
        if (!needing.isEmpty()) {
            throw ApiException.inUse("index", "LIF " + removed.index() + " ('" + removed.name() + "') is the way to the next"
                    + " hop of routes " + Fields.some(needing) + "; change the routes first");
        }
        boolean lastOnSwitch = removed.logicalSwitch() != null && lifs.stream()
                .noneMatch(lif -> lif.index() != removed.index() && lif.logicalSwitch() != null);
        if (lastOnSwitch) {
            throw ApiException.inUse("index", "LIF " + removed.index() + " is the DLR's last interface on a logical"
                    + " switch; its transport zone places the DLR, so delete the DLR instead");
        }
    }

    private static void checkName(LifSpec spec, List<Lif> existing, List<LifSpec> before) {
        Optional<Lif> stored = existing.stream().filter(lif -> lif.name().equals(spec.name())).findFirst();
        if (stored.isPresent()) {
            throw ApiException.conflict(spec.field("name"), "LIF " + stored.get().index() + " of this DLR is already named '"
                    + spec.name() + "'");
        }
        before.stream().filter(other -> other.name().equals(spec.name())).findFirst().ifPresent(other -> {
            throw ApiException.invalid(spec.field("name"), other.path() + " has the same name '" + spec.name() + "'");
        });
    }

    private static void checkNetworkOnce(LifSpec spec, List<Lif> existing, List<LifSpec> before) {
        String field = spec.logicalSwitch() != null ? spec.field("logicalSwitchId") : spec.field("vlan");
        Predicate<Lif> sameLif = lif -> spec.logicalSwitch() != null
                ? spec.logicalSwitch().equals(lif.logicalSwitch()) : spec.vlan().equals(lif.vlan());
        existing.stream().filter(sameLif).findFirst().ifPresent(lif -> {
            throw ApiException.conflict(field, "LIF " + lif.index() + " of this DLR is already on " + lif.network());
        });
        Predicate<LifSpec> sameSpec = other -> spec.logicalSwitch() != null
                ? spec.logicalSwitch().equals(other.logicalSwitch()) : spec.vlan().equals(other.vlan());
        before.stream().filter(sameSpec).findFirst().ifPresent(other -> {
            throw ApiException.invalid(field, other.path() + " is already on " + spec.network()
                    + "; a DLR has one interface per logical switch or VLAN");
        });
    }

    private static void checkSubnet(LifSpec spec, List<Lif> existing, List<LifSpec> before) {
        var subnet = spec.address().subnet();
        existing.stream().filter(lif -> lif.subnet().overlaps(subnet)).findFirst().ifPresent(lif -> {
            throw ApiException.conflict(spec.field("address"), "subnet " + subnet + " overlaps LIF " + lif.index() + " ('"
                    + lif.name() + "', " + lif.address() + ") of this DLR");
        });
        before.stream().filter(other -> other.address().subnet().overlaps(subnet)).findFirst().ifPresent(other -> {
            throw ApiException.invalid(spec.field("address"), "subnet " + subnet + " overlaps " + other.path() + " ("
                    + other.address() + "); the interfaces of a DLR have disjoint subnets");
        });
    }

    private static int lowestFree(TreeSet<Integer> taken, LifType type) {
        for (int index = type.firstIndex(); index <= type.lastIndex(); index++) {
            if (!taken.contains(index)) {
                return index;
            }
        }
        return -1;
    }

    private static ApiException tooMany(LifSpec spec, List<Lif> existing) {
        LifType type = spec.type();
        String limit = "a DLR has at most " + type.capacity() + " " + type.name().toLowerCase() + " interfaces (indexes "
                + type.firstIndex() + "-" + type.lastIndex() + "), " + MAX_LIFS + " in all";
        long stored = existing.stream().filter(lif -> lif.type() == type).count();
        return stored >= type.capacity()
                ? ApiException.conflict(spec.field("type"), "the DLR already has " + stored + " " + type.name().toLowerCase()
                        + " interfaces; " + limit)
                : ApiException.invalid(spec.field("type"), "too many " + type.name().toLowerCase() + " interfaces; " + limit);
    }

    private static boolean isOther(DlrRef owner, DlrRef self) {
        return owner != null && (self == null || !owner.id().equals(self.id()));
    }
}
