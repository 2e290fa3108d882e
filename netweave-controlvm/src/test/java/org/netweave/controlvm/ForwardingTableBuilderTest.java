package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.controlvm.Routes.gateway;
import static org.netweave.controlvm.Routes.lif;
import static org.netweave.controlvm.Routes.route;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.controlvm.UnresolvedRoute.Reason;

/** Golden text for a whole DLR, then one configuration per reason a route is left out. */
class ForwardingTableBuilderTest {
    private static final List<LifAddress> LIFS = List.of(
            lif("lif-web", "10.0.1.1/24"),
            lif("lif-app", "10.0.2.1/24"),
            lif("lif-up", "192.168.100.2/29"));

    @Test
    void aTenantRouterWithAnUplinkAndOneRouteOfEveryKind() {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS, List.of(
                route("192.168.10.0/24", "10.0.1.254"),
                route("172.16.0.0/12", "192.168.100.1"),
                route("192.168.20.0/24", "10.9.9.9"),
                route("10.0.2.0/24", "10.0.1.254"),
                route("192.168.30.0/24", "10.0.1.1"),
                route("192.168.40.0/24", "10.0.2.255"),
                route("192.168.50.0/24", "10.0.1.10", 10),
                route("192.168.50.0/24", "10.0.2.10", 5),
                route("192.168.60.0/24", "10.9.9.9", 1),
                route("192.168.60.0/24", "10.0.2.20", 200),
                route("192.168.70.0/24", "0.0.0.0")), gateway("192.168.100.1"));

        assertThat(ForwardingTableText.format(result)).isEqualTo("""
                route 0.0.0.0/0 via 192.168.100.1 on lif-up
                route 10.0.1.0/24 connected on lif-web
                route 10.0.2.0/24 connected on lif-app
                route 172.16.0.0/12 via 192.168.100.1 on lif-up
                route 192.168.10.0/24 via 10.0.1.254 on lif-web
                route 192.168.50.0/24 via 10.0.2.10 on lif-app
                route 192.168.60.0/24 via 10.0.2.20 on lif-app
                route 192.168.100.0/29 connected on lif-up
                unresolved 10.0.2.0/24 via 10.0.1.254: SHADOWED_BY_CONNECTED (the subnet of LIF lif-app wins)
                unresolved 192.168.20.0/24 via 10.9.9.9: NEXT_HOP_OFF_LINK (on no LIF's subnet)
                unresolved 192.168.30.0/24 via 10.0.1.1: NEXT_HOP_IS_LIF_ADDRESS (the address of LIF lif-web)
                unresolved 192.168.40.0/24 via 10.0.2.255: NEXT_HOP_NOT_A_HOST (the network or broadcast address \
                of LIF lif-app's subnet 10.0.2.0/24)
                unresolved 192.168.50.0/24 via 10.0.1.10: DUPLICATE_PREFIX (route 192.168.50.0/24 via 10.0.2.10 \
                distance 5 wins)
                unresolved 192.168.60.0/24 via 10.9.9.9: NEXT_HOP_OFF_LINK (on no LIF's subnet)
                unresolved 192.168.70.0/24 via 0.0.0.0: NO_NEXT_HOP (a static route needs a next hop)
                """);
    }

    @Test
    void lifsAloneGiveTheirConnectedRoutes() {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS, List.of(), Optional.empty());

        assertThat(ForwardingTableText.format(result)).isEqualTo("""
                route 10.0.1.0/24 connected on lif-web
                route 10.0.2.0/24 connected on lif-app
                route 192.168.100.0/29 connected on lif-up
                """);
        assertThat(result.unresolvedSummary()).isEmpty();
    }

    @Test
    void noLifsResolveNothing() {
        ForwardingTableResult result = ForwardingTableBuilder.build(List.of(),
                List.of(route("192.168.10.0/24", "10.0.1.254")), gateway("10.0.1.1"));

        assertThat(result.routes()).isEmpty();
        assertThat(result.unresolved()).extracting(UnresolvedRoute::reason)
                .containsExactly(Reason.NEXT_HOP_OFF_LINK, Reason.NEXT_HOP_OFF_LINK);
    }

    @Test
    void aNextHopOnNoLifSubnetIsOffLink() {
        assertThat(onlyReason(route("192.168.10.0/24", "10.0.3.254"))).isEqualTo(Reason.NEXT_HOP_OFF_LINK);
    }

    @Test
    void aNextHopEqualToALifAddressIsRefusedEvenWhenAnotherLifsSubnetHoldsIt() {
        assertThat(onlyReason(route("192.168.10.0/24", "10.0.2.1"))).isEqualTo(Reason.NEXT_HOP_IS_LIF_ADDRESS);
    }

    @Test
    void theNetworkAndBroadcastAddressesOfASubnetAreNoNextHops() {
        assertThat(onlyReason(route("192.168.10.0/24", "10.0.1.0"))).isEqualTo(Reason.NEXT_HOP_NOT_A_HOST);
        assertThat(onlyReason(route("192.168.10.0/24", "192.168.100.7"))).isEqualTo(Reason.NEXT_HOP_NOT_A_HOST);
    }

    @Test
    void onAPointToPointSubnetBothAddressesAreHosts() {
        ForwardingTableResult result = ForwardingTableBuilder.build(List.of(lif("lif-p2p", "10.255.0.0/31")),
                List.of(route("0.0.0.0/0", "10.255.0.1")), Optional.empty());

        assertThat(ForwardingTableText.format(result)).isEqualTo("""
                route 0.0.0.0/0 via 10.255.0.1 on lif-p2p
                route 10.255.0.0/31 connected on lif-p2p
                """);
    }

    @Test
    void aStaticRouteWithoutNextHopIsRefused() {
        assertThat(onlyReason(route("192.168.10.0/24", "0.0.0.0"))).isEqualTo(Reason.NO_NEXT_HOP);
    }

    @Test
    void aConnectedRouteBeatsAStaticRouteForItsSubnetWhateverTheDistance() {
        assertThat(onlyReason(route("10.0.1.0/24", "10.0.2.254", 1))).isEqualTo(Reason.SHADOWED_BY_CONNECTED);
    }

    @Test
    void theLowerAdminDistanceWinsAPrefix() {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS, List.of(
                route("192.168.10.0/24", "10.0.1.10", 20),
                route("192.168.10.0/24", "10.0.2.10", 2)), Optional.empty());

        assertThat(ForwardingTableText.format(result)).contains(
                "route 192.168.10.0/24 via 10.0.2.10 on lif-app\n",
                "unresolved 192.168.10.0/24 via 10.0.1.10: DUPLICATE_PREFIX (route 192.168.10.0/24 via 10.0.2.10 "
                        + "distance 2 wins)\n");
    }

    @Test
    void onEqualDistanceTheLowerNextHopWinsWhateverTheOrder() {
        List<StaticRouteConfig> routes = List.of(route("192.168.10.0/24", "10.0.2.10"), route("192.168.10.0/24", "10.0.1.10"));

        ForwardingTableResult forward = ForwardingTableBuilder.build(LIFS, routes, Optional.empty());
        ForwardingTableResult backward = ForwardingTableBuilder.build(LIFS, routes.reversed(), Optional.empty());

        assertThat(forward).isEqualTo(backward);
        assertThat(ForwardingTableText.format(forward)).contains("route 192.168.10.0/24 via 10.0.1.10 on lif-web\n");
        assertThat(forward.unresolved()).extracting(UnresolvedRoute::reason).containsExactly(Reason.DUPLICATE_PREFIX);
    }

    @Test
    void theDefaultGatewayCompetesWithAStaticDefaultRouteAtDistanceOne() {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS,
                List.of(route("0.0.0.0/0", "10.0.1.254", 5)), gateway("192.168.100.1"));

        assertThat(ForwardingTableText.format(result)).contains(
                "route 0.0.0.0/0 via 192.168.100.1 on lif-up\n",
                "unresolved 0.0.0.0/0 via 10.0.1.254: DUPLICATE_PREFIX (route 0.0.0.0/0 via 192.168.100.1 distance 1 wins)\n");
    }

    @Test
    void twoLifsOnOneSubnetKeepOneConnectedRoute() {
        ForwardingTableResult result = ForwardingTableBuilder.build(List.of(lif("lif-b", "10.0.1.2/24"),
                lif("lif-a", "10.0.1.1/24")), List.of(route("192.168.10.0/24", "10.0.1.254")), Optional.empty());

        assertThat(ForwardingTableText.format(result)).isEqualTo("""
                route 10.0.1.0/24 connected on lif-a
                route 192.168.10.0/24 via 10.0.1.254 on lif-a
                unresolved 10.0.1.0/24 via 0.0.0.0: DUPLICATE_PREFIX (LIF lif-b has the subnet of LIF lif-a, which keeps it)
                """);
    }

    @Test
    void aNextHopInNestedSubnetsLeavesByTheLongest() {
        ForwardingTableResult result = ForwardingTableBuilder.build(List.of(lif("lif-wide", "10.0.0.1/16"),
                lif("lif-narrow", "10.0.1.1/24")), List.of(route("192.168.10.0/24", "10.0.1.254")), Optional.empty());

        assertThat(ForwardingTableText.format(result)).contains("route 192.168.10.0/24 via 10.0.1.254 on lif-narrow\n");
    }

    @Test
    void theSummaryListsEveryRouteLeftOut() {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS,
                List.of(route("192.168.20.0/24", "10.9.9.9"), route("192.168.30.0/24", "0.0.0.0")), Optional.empty());

        assertThat(result.unresolvedSummary()).isEqualTo("2 route(s) left out of the forwarding table: "
                + "192.168.20.0/24 via 10.9.9.9: NEXT_HOP_OFF_LINK (on no LIF's subnet); "
                + "192.168.30.0/24 via 0.0.0.0: NO_NEXT_HOP (a static route needs a next hop)");
    }

    private static Reason onlyReason(StaticRouteConfig route) {
        ForwardingTableResult result = ForwardingTableBuilder.build(LIFS, List.of(route), Optional.empty());
        assertThat(result.routes()).as("only the connected routes").allMatch(ForwardingRoute::isConnected).hasSize(3);
        assertThat(result.unresolved()).hasSize(1);
        assertThat(result.unresolved().getFirst().prefix()).isEqualTo(route.prefix());
        assertThat(result.unresolved().getFirst().nextHop()).isEqualTo(route.nextHop());
        return result.unresolved().getFirst().reason();
    }
}
