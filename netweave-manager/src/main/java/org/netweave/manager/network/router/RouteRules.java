package org.netweave.manager.network.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/** What a DLR's static routes must satisfy. Pure. */
public final class RouteRules {
    public static final int MIN_ADMIN_DISTANCE = 1;
    public static final int MAX_ADMIN_DISTANCE = 255;

    private RouteRules() {
    }

    /** The static routes of a request in order; absent means none. */
    public static List<StaticRoute> parseAll(List<DlrStaticRouteRequest> raw) {
        if (raw == null) {
            return List.of();
        }
        List<StaticRoute> routes = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = "staticRoutes[" + i + "]";
            routes.add(parse(Fields.required(path, raw.get(i)), path));
        }
        return routes;
    }

    public static StaticRoute parse(DlrStaticRouteRequest request, String path) {
        Ipv4Prefix network = Fields.prefix(path + ".network", request.network());
        if (network.length() == 0) {
            throw ApiException.invalid(path + ".network", "0.0.0.0/0 is the default route; give it as defaultRoute");
        }
        return new StaticRoute(network, Fields.ipv4(path + ".nextHop", request.nextHop()),
                adminDistance(path + ".adminDistance", request.adminDistance()),
                description(path + ".description", request.description()));
    }

    /** The default route, or null when absent. */
    public static StaticRoute parseDefault(DlrDefaultRouteRequest request) {
        if (request == null) {
            return null;
        }
        return new StaticRoute(Ipv4Prefix.DEFAULT_ROUTE, Fields.ipv4("defaultRoute.gatewayAddress", request.gatewayAddress()),
                adminDistance("defaultRoute.adminDistance", request.adminDistance()),
                description("defaultRoute.description", request.description()));
    }

    /**
     * Each network is routed once (409 naming the later one), and every next hop — the default
     * gateway too — is directly reachable: a host address inside the subnet of one of {@code lifs},
     * not a LIF's own address (400).
     *
     * @param routes in request order, so errors name {@code staticRoutes[i]}
     */
    public static void check(List<Lif> lifs, List<StaticRoute> routes, StaticRoute defaultRoute) {
        Map<Ipv4Prefix, Integer> seen = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            Integer first = seen.putIfAbsent(routes.get(i).network(), i);
            if (first != null) {
                throw ApiException.conflict("staticRoutes[" + i + "].network", "network " + routes.get(i).network()
                        + " is already routed by staticRoutes[" + first + "]");
            }
        }
        for (int i = 0; i < routes.size(); i++) {
            checkReachable(lifs, routes.get(i).nextHop(), "staticRoutes[" + i + "].nextHop");
        }
        if (defaultRoute != null) {
            checkReachable(lifs, defaultRoute.nextHop(), "defaultRoute.gatewayAddress");
        }
    }

    /** The LIF through which {@code hop} is directly reachable, if any. */
    public static Optional<Lif> via(List<Lif> lifs, Ipv4Address hop) {
        return lifs.stream().filter(lif -> lif.subnet().contains(hop) && !lif.address().address().equals(hop)
                && isHostOf(lif, hop)).findFirst();
    }

    private static void checkReachable(List<Lif> lifs, Ipv4Address hop, String field) {
        for (Lif lif : lifs) {
            if (lif.address().address().equals(hop)) {
                throw ApiException.invalid(field, field + ": " + hop + " is the address of LIF " + lif.index() + " ('"
                        + lif.name() + "') itself, not a next hop");
            }
            if (lif.subnet().contains(hop) && !isHostOf(lif, hop)) {
                throw ApiException.invalid(field, field + ": " + hop + " is the network or broadcast address of LIF "
                        + lif.index() + "'s subnet " + lif.subnet());
            }
        }
        if (via(lifs, hop).isEmpty()) {
            throw ApiException.invalid(field, field + ": " + hop + " is not directly reachable: it is in no subnet of the"
                    + " DLR's interfaces (" + Fields.some(lifs.stream().map(Lif::subnet).toList()) + ")");
        }
    }

    private static boolean isHostOf(Lif lif, Ipv4Address hop) {
        int length = lif.subnet().length();
        if (length >= 31) {
            return true;
        }
        int host = hop.value() & ~lif.subnet().mask();
        return host != 0 && host != ~lif.subnet().mask();
    }

    private static int adminDistance(String field, Integer raw) {
        int distance = raw == null ? StaticRoute.DEFAULT_ADMIN_DISTANCE : raw;
        if (distance < MIN_ADMIN_DISTANCE || distance > MAX_ADMIN_DISTANCE) {
            throw ApiException.invalid(field, field + ": " + distance + " is outside " + MIN_ADMIN_DISTANCE + "-"
                    + MAX_ADMIN_DISTANCE);
        }
        return distance;
    }

    private static String description(String field, String raw) {
        return raw == null ? null : Fields.name(field, raw, Fields.MAX_NAME);
    }
}
