package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.router.RouteRules;
import org.netweave.manager.network.router.StaticRoute;
import org.netweave.model.Ipv4Prefix;

/**
 * A router's {@code routes} (the extraroute extension) as its DLR's static routes: destination →
 * network, nexthop → next hop; a route to 0.0.0.0/0 is the DLR's default route. The DLR holds one
 * next hop per destination, so two routes to one destination (Neutron's ECMP) are refused. Pure.
 */
final class ExtraRoutes {
    private ExtraRoutes() {
    }

    /** The routes, checked against the DLR's LIFs: every next hop directly reachable through one. */
    static List<StaticRoute> parse(List<NeutronBody> raw, List<Lif> lifs) {
        List<StaticRoute> routes = new ArrayList<>();
        Set<Ipv4Prefix> destinations = new HashSet<>();
        for (NeutronBody route : raw) {
            Ipv4Prefix destination = NeutronValues.cidr("routes", route.text("destination")
                    .orElseThrow(() -> invalid("each route needs a destination")));
            String nexthop = route.text("nexthop").orElseThrow(() -> invalid("each route needs a nexthop"));
            if (!destinations.add(destination)) {
                throw invalid("two routes to " + destination + ": a distributed router has one nexthop per destination");
            }
            routes.add(new StaticRoute(destination, NeutronValues.ipv4("routes", nexthop),
                    StaticRoute.DEFAULT_ADMIN_DISTANCE, null));
        }
        try {
            RouteRules.check(lifs, routes.stream().filter(route -> !route.isDefault()).toList(),
                    routes.stream().filter(StaticRoute::isDefault).findFirst().orElse(null));
        } catch (ApiException e) {
            throw invalid(e.getMessage());
        }
        return routes;
    }

    static List<StaticRoute> withoutDefault(List<StaticRoute> routes) {
        return routes.stream().filter(route -> !route.isDefault()).toList();
    }

    static StaticRoute defaultRoute(List<StaticRoute> routes) {
        return routes.stream().filter(StaticRoute::isDefault).findFirst().orElse(null);
    }

    private static NeutronException invalid(String why) {
        return new NeutronException(400, "InvalidRoutes", "Invalid format for routes: " + why + ".");
    }
}
