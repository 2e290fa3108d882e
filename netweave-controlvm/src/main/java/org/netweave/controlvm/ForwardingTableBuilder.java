package org.netweave.controlvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * Turns a DLR's routing configuration into the forwarding table its controller accepts: a pure
 * function, no clock and no I/O, so it is tested with golden text and random configurations.
 *
 * <p>The table holds one connected route per LIF subnet (next hop 0), each static route that
 * resolves to a LIF, and the default route via the default gateway. A static route resolves to the
 * LIF whose subnet holds its next hop (the longest such subnet, as a router's lookup would). As on
 * a router, routes are resolved first and compared second, so a floating static route (higher
 * distance) takes over when the preferred route's next hop is on no LIF. Hosts keep one route per
 * prefix (no ECMP), so of several routes for one prefix only the lowest admin distance stays, ties
 * going to the lower next hop so the result never depends on the order of the configuration.
 */
public final class ForwardingTableBuilder {
    /** Among resolved routes for one prefix the first of this order wins. */
    private static final Comparator<Resolved> PREFERENCE = Comparator
            .comparingInt((Resolved r) -> r.config().adminDistance())
            .thenComparing(r -> r.config().nextHop())
            .thenComparing(Resolved::lif);

    private ForwardingTableBuilder() {
    }

    /**
     * @param defaultGateway the next hop of 0.0.0.0/0, which competes with static routes for that
     *                       prefix at {@link StaticRouteConfig#DEFAULT_DISTANCE}
     */
    public static ForwardingTableResult build(List<LifAddress> lifs, List<StaticRouteConfig> staticRoutes,
            Optional<Ipv4Address> defaultGateway) {
        List<ForwardingRoute> routes = new ArrayList<>();
        List<UnresolvedRoute> unresolved = new ArrayList<>();
        Map<Ipv4Prefix, LifId> connected = connectedRoutes(lifs, unresolved);
        connected.forEach((prefix, lif) -> routes.add(ForwardingRoute.connected(prefix, lif)));

        Map<Ipv4Prefix, List<Resolved>> byPrefix = new TreeMap<>();
        for (StaticRouteConfig route : withDefaultRoute(staticRoutes, defaultGateway)) {
            switch (resolve(route, lifs)) {
                case Resolved resolved -> byPrefix.computeIfAbsent(route.prefix(), p -> new ArrayList<>()).add(resolved);
                case Refused refused -> unresolved.add(refused.why());
            }
        }
        byPrefix.forEach((prefix, candidates) -> {
            LifId subnetOf = connected.get(prefix);
            if (subnetOf != null) {
                candidates.forEach(c -> unresolved.add(unresolved(c.config(), UnresolvedRoute.Reason.SHADOWED_BY_CONNECTED,
                        "the subnet of LIF " + subnetOf + " wins")));
                return;
            }
            List<Resolved> ranked = candidates.stream().sorted(PREFERENCE).toList();
            Resolved winner = ranked.getFirst();
            routes.add(ForwardingRoute.via(prefix, winner.config().nextHop(), winner.lif()));
            ranked.subList(1, ranked.size()).forEach(loser -> unresolved.add(unresolved(loser.config(),
                    UnresolvedRoute.Reason.DUPLICATE_PREFIX, "route " + winner.config() + " wins")));
        });
        return new ForwardingTableResult(routes, unresolved);
    }

    /** One connected route per distinct subnet; of LIFs sharing a subnet the lowest id keeps it. */
    private static Map<Ipv4Prefix, LifId> connectedRoutes(List<LifAddress> lifs, List<UnresolvedRoute> unresolved) {
        Map<Ipv4Prefix, LifId> connected = new LinkedHashMap<>();
        lifs.stream().sorted(Comparator.comparing(LifAddress::lif)).forEach(lif -> {
            Ipv4Prefix subnet = lif.address().subnet();
            LifId first = connected.putIfAbsent(subnet, lif.lif());
            if (first != null) {
                unresolved.add(new UnresolvedRoute(subnet, Ipv4Address.ANY, UnresolvedRoute.Reason.DUPLICATE_PREFIX,
                        "LIF " + lif.lif() + " has the subnet of LIF " + first + ", which keeps it"));
            }
        });
        return connected;
    }

    private static List<StaticRouteConfig> withDefaultRoute(List<StaticRouteConfig> staticRoutes,
            Optional<Ipv4Address> defaultGateway) {
        List<StaticRouteConfig> all = new ArrayList<>(staticRoutes);
        defaultGateway.ifPresent(gateway -> all.add(new StaticRouteConfig(Ipv4Prefix.DEFAULT_ROUTE, gateway,
                StaticRouteConfig.DEFAULT_DISTANCE)));
        return all;
    }

    private sealed interface Resolution permits Resolved, Refused {
    }

    private record Resolved(StaticRouteConfig config, LifId lif) implements Resolution {
    }

    private record Refused(UnresolvedRoute why) implements Resolution {
    }

    /** The LIF a static route leaves by, or why it has none. */
    private static Resolution resolve(StaticRouteConfig route, List<LifAddress> lifs) {
        Ipv4Address nextHop = route.nextHop();
        if (nextHop.equals(Ipv4Address.ANY)) {
            return refused(route, UnresolvedRoute.Reason.NO_NEXT_HOP, "a static route needs a next hop");
        }
        Optional<LifAddress> own = lifs.stream().filter(l -> l.address().address().equals(nextHop)).findFirst();
        if (own.isPresent()) {
            return refused(route, UnresolvedRoute.Reason.NEXT_HOP_IS_LIF_ADDRESS,
                    "the address of LIF " + own.get().lif());
        }
        Optional<LifAddress> onLink = lifs.stream().filter(l -> l.address().subnet().contains(nextHop))
                .max(Comparator.comparingInt((LifAddress l) -> l.address().prefixLength())
                        .thenComparing(LifAddress::lif, Comparator.reverseOrder()));
        if (onLink.isEmpty()) {
            return refused(route, UnresolvedRoute.Reason.NEXT_HOP_OFF_LINK, "on no LIF's subnet");
        }
        LifAddress lif = onLink.get();
        if (!isHostOf(nextHop, lif.address().subnet())) {
            return refused(route, UnresolvedRoute.Reason.NEXT_HOP_NOT_A_HOST, "the network or broadcast address of LIF "
                    + lif.lif() + "'s subnet " + lif.address().subnet());
        }
        return new Resolved(route, lif.lif());
    }

    /** Whether {@code ip} may be a host on {@code subnet}; /31 and /32 have no network or broadcast address. */
    private static boolean isHostOf(Ipv4Address ip, Ipv4Prefix subnet) {
        if (subnet.length() >= 31) {
            return true;
        }
        int host = ip.value() & ~subnet.mask();
        return host != 0 && host != ~subnet.mask();
    }

    private static Refused refused(StaticRouteConfig route, UnresolvedRoute.Reason reason, String detail) {
        return new Refused(unresolved(route, reason, detail));
    }

    private static UnresolvedRoute unresolved(StaticRouteConfig route, UnresolvedRoute.Reason reason, String detail) {
        return new UnresolvedRoute(route.prefix(), route.nextHop(), reason, detail);
    }
}
