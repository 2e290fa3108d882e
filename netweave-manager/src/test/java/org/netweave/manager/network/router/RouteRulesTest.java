package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;
import static org.netweave.manager.network.router.DlrFixtures.defaultRoute;
import static org.netweave.manager.network.router.DlrFixtures.lif;
import static org.netweave.manager.network.router.DlrFixtures.route;
import static org.netweave.manager.network.router.DlrFixtures.vlanLif;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class RouteRulesTest {
    private static final List<Lif> LIFS = List.of(lif(10, "web", "virtualwire-1", "10.0.1.1/24"),
            vlanLif(1, "up", 100, "192.168.10.2/30"), lif(11, "p2p", "virtualwire-2", "10.9.9.0/31"));

    @Test
    void routesParseWithDefaultsAndNamedFields() {
        var routes = RouteRules.parseAll(List.of(new DlrStaticRouteRequest("172.16.0.0/16", "10.0.1.254", null, null),
                new DlrStaticRouteRequest("172.17.0.0/16", "10.0.1.254", 20, "backup")));
        assertThat(routes).containsExactly(route("172.16.0.0/16", "10.0.1.254"),
                new StaticRoute(routes.get(1).network(), Ipv4Address.parse("10.0.1.254"), 20, "backup"));
        assertThat(RouteRules.parseAll(null)).isEmpty();
        assertRefused(() -> RouteRules.parseAll(List.of(new DlrStaticRouteRequest("172.16.0.1/16", "10.0.1.254", null, null))),
                400, "invalid_value", "staticRoutes[0].network");
        assertRefused(() -> RouteRules.parseAll(List.of(new DlrStaticRouteRequest("0.0.0.0/0", "10.0.1.254", null, null))),
                400, "invalid_value", "staticRoutes[0].network");
        assertRefused(() -> RouteRules.parseAll(List.of(new DlrStaticRouteRequest("172.16.0.0/16", null, null, null))),
                400, "missing_field", "staticRoutes[0].nextHop");
        assertRefused(() -> RouteRules.parseAll(List.of(new DlrStaticRouteRequest("172.16.0.0/16", "10.0.1.254", 0, null))),
                400, "invalid_value", "staticRoutes[0].adminDistance");
        assertRefused(() -> RouteRules.parseAll(Arrays.asList((DlrStaticRouteRequest) null)), 400, "missing_field",
                "staticRoutes[0]");
        assertRefused(() -> RouteRules.parseDefault(new DlrDefaultRouteRequest("x", null, null)), 400, "invalid_value",
                "defaultRoute.gatewayAddress");
        assertThat(RouteRules.parseDefault(null)).isNull();
        assertThat(RouteRules.parseDefault(new DlrDefaultRouteRequest("192.168.10.1", null, null)).isDefault()).isTrue();
    }

    @Test
    void nextHopsInsideAnInterfaceSubnetAreReachable() {
        RouteRules.check(LIFS, List.of(route("172.16.0.0/16", "10.0.1.254"), route("0.0.0.0/1", "192.168.10.1"),
                route("10.200.0.0/16", "10.9.9.1")), defaultRoute("192.168.10.1"));
        assertThat(RouteRules.via(LIFS, Ipv4Address.parse("10.0.1.9"))).map(Lif::index).contains(10);
        assertThat(RouteRules.via(LIFS, Ipv4Address.parse("10.0.2.9"))).isEmpty();
    }

    @Test
    void anUnreachableNextHopIs400NamingIt() {
        var e = assertRefused(() -> RouteRules.check(LIFS, List.of(route("172.16.0.0/16", "10.0.1.254"),
                route("172.17.0.0/16", "10.0.2.254")), null), 400, "invalid_value", "staticRoutes[1].nextHop");
        assertThat(e.getMessage()).contains("10.0.2.254").contains("10.0.1.0/24");
        assertRefused(() -> RouteRules.check(LIFS, List.of(), defaultRoute("8.8.8.8")), 400, "invalid_value",
                "defaultRoute.gatewayAddress");
    }

    @Test
    void aLifsOwnAddressOrItsSubnetsNetworkAndBroadcastAreNoNextHop() {
        var own = assertRefused(() -> RouteRules.check(LIFS, List.of(route("172.16.0.0/16", "10.0.1.1")), null), 400,
                "invalid_value", "staticRoutes[0].nextHop");
        assertThat(own.getMessage()).contains("LIF 10");
        assertRefused(() -> RouteRules.check(LIFS, List.of(route("172.16.0.0/16", "10.0.1.255")), null), 400,
                "invalid_value", "staticRoutes[0].nextHop");
        assertRefused(() -> RouteRules.check(LIFS, List.of(), defaultRoute("192.168.10.0")), 400, "invalid_value",
                "defaultRoute.gatewayAddress");
        assertRefused(() -> RouteRules.check(LIFS, List.of(), defaultRoute("192.168.10.2")), 400, "invalid_value",
                "defaultRoute.gatewayAddress");
    }

    @Test
    void aNetworkIsRoutedOnce() {
        var e = assertRefused(() -> RouteRules.check(LIFS, List.of(route("172.16.0.0/16", "10.0.1.254"),
                route("172.16.0.0/16", "10.0.1.253")), null), 409, "conflict", "staticRoutes[1].network");
        assertThat(e.getMessage()).contains("staticRoutes[0]");
    }
}
