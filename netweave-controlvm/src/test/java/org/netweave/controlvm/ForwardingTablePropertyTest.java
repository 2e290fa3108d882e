package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.netweave.controller.runtime.ControlVmId;
import org.netweave.controller.runtime.DlrLif;
import org.netweave.controller.runtime.DlrRoute;
import org.netweave.controller.runtime.DlrRuntime;
import org.netweave.controller.runtime.LifSegment;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Route;
import org.quicktheories.core.Gen;

/**
 * Random DLR configurations: the controller's own runtime accepts every table the builder makes,
 * every configured route ends up in the table or in the list of routes left out, and the order of
 * the configuration does not matter. The generators aim next hops and prefixes at the LIFs' subnets
 * often, so every reason a route is left out comes up.
 */
class ForwardingTablePropertyTest {
    /** A LIF: the n-th gets 10.n.0.0 with this prefix length, so LIF subnets never overlap, as the controller demands. */
    private record LifSpec(int prefixLength, int hostSeed) {
    }

    /** A static route aimed by kind: at a LIF's subnet, at a LIF's own address, at a random address, or at none. */
    private record RouteSpec(int prefixChoice, int nextHopKind, int seed, int distance) {
    }

    private record Fixture(List<LifAddress> lifs, List<StaticRouteConfig> routes, Optional<Ipv4Address> gateway) {
        ForwardingTableResult build() {
            return ForwardingTableBuilder.build(lifs, routes, gateway);
        }
    }

    private static Gen<Fixture> fixtures() {
        Gen<List<LifSpec>> lifs = lists().of(integers().between(16, 30).zip(integers().all(), LifSpec::new))
                .ofSizeBetween(1, 4);
        Gen<RouteSpec> route = integers().between(0, 7).zip(integers().between(0, 3), integers().all(),
                integers().between(1, 255), RouteSpec::new);
        return lifs.zip(lists().of(route).ofSizeBetween(0, 12), booleans().all(), integers().all(),
                ForwardingTablePropertyTest::fixture);
    }

    private static Fixture fixture(List<LifSpec> lifSpecs, List<RouteSpec> routeSpecs, boolean hasGateway, int gatewaySeed) {
        List<LifAddress> lifs = new ArrayList<>();
        for (int i = 0; i < lifSpecs.size(); i++) {
            LifSpec spec = lifSpecs.get(i);
            lifs.add(new LifAddress(LifId.of("lif-" + i), new Ipv4InterfaceAddress(
                    Ipv4Address.of(hostIn(0x0A000000 | (i + 1) << 16, spec.prefixLength(), spec.hostSeed())),
                    spec.prefixLength())));
        }
        List<StaticRouteConfig> routes = routeSpecs.stream()
                .map(spec -> new StaticRouteConfig(prefix(spec, lifs), nextHop(spec.nextHopKind(), spec.seed(), lifs),
                        spec.distance()))
                .toList();
        Optional<Ipv4Address> gateway = hasGateway ? Optional.of(nextHop(0, gatewaySeed, lifs)) : Optional.empty();
        return new Fixture(lifs, routes, gateway);
    }

    /** Few distinct prefixes, so routes compete: one of four fixed networks, a LIF subnet, or the default route. */
    private static Ipv4Prefix prefix(RouteSpec spec, List<LifAddress> lifs) {
        return switch (spec.prefixChoice()) {
            case 0, 1, 2, 3 -> new Ipv4Prefix(Ipv4Address.of(0xC0A80000 | spec.prefixChoice() << 8), 24);
            case 4, 5 -> lifs.get(Math.floorMod(spec.seed(), lifs.size())).address().subnet();
            default -> Ipv4Prefix.DEFAULT_ROUTE;
        };
    }

    private static Ipv4Address nextHop(int kind, int seed, List<LifAddress> lifs) {
        LifAddress lif = lifs.get(Math.floorMod(seed, lifs.size()));
        return switch (kind) {
            case 0 -> Ipv4Address.of(lif.address().subnet().address().value() | (seed >>> 3 & ~lif.address().subnet().mask()));
            case 1 -> lif.address().address();
            case 2 -> Ipv4Address.of(seed);
            default -> Ipv4Address.ANY;
        };
    }

    private static int hostIn(int network, int prefixLength, int seed) {
        int hostBits = ~Ipv4Prefix.mask(prefixLength);
        int host = Math.floorMod(seed, hostBits - 1) + 1;
        return network | host;
    }

    @Test
    void theControllerAcceptsEveryTableTheBuilderMakes() {
        qt().withExamples(500).forAll(fixtures()).checkAssert(fixture -> {
            DlrRuntime dlr = new DlrRuntime(DlrId.of("edge-1"), "property");
            for (int i = 0; i < fixture.lifs().size(); i++) {
                LifAddress lif = fixture.lifs().get(i);
                dlr.putLif(new DlrLif(lif.lif(), new LifSegment.Vxlan(Vni.of(5000 + i)), lif.address(),
                        MacAddress.of(0x0250_5600_0000L | i + 1), 1500, false));
            }
            List<DlrRoute> routes = fixture.build().routes().stream()
                    .map(r -> new DlrRoute(r.prefix(), r.nextHop(), r.lif())).toList();

            assertThatCode(() -> dlr.replaceForwardingTable(routes, ControlVmId.of("vm-1"))).doesNotThrowAnyException();
        });
    }

    @Test
    void everyConfiguredRouteIsInTheTableOrLeftOutOnce() {
        qt().withExamples(500).forAll(fixtures()).checkAssert(fixture -> {
            ForwardingTableResult result = fixture.build();
            List<String> configured = Stream.concat(fixture.routes().stream(),
                    fixture.gateway().map(g -> new StaticRouteConfig(Ipv4Prefix.DEFAULT_ROUTE, g, 1)).stream())
                    .map(r -> r.prefix() + " via " + r.nextHop()).toList();
            List<String> accounted = Stream.concat(
                    result.routes().stream().filter(r -> !r.isConnected()).map(r -> r.prefix() + " via " + r.nextHop()),
                    result.unresolved().stream().map(r -> r.prefix() + " via " + r.nextHop())).toList();

            assertThat(accounted).containsExactlyInAnyOrderElementsOf(configured);
            assertThat(result.routes().stream().filter(ForwardingRoute::isConnected))
                    .as("one connected route per LIF").hasSize(fixture.lifs().size());
            assertThat(result.routes()).isSortedAccordingTo(ForwardingRoute.ORDER);
        });
    }

    @Test
    void theOrderOfTheConfigurationDoesNotMatter() {
        qt().withExamples(300).forAll(fixtures()).checkAssert(fixture -> {
            Fixture reversed = new Fixture(fixture.lifs().reversed(), fixture.routes().reversed(), fixture.gateway());

            assertThat(reversed.build()).isEqualTo(fixture.build());
        });
    }

    /** Guards the generators: a property that never meets a reason proves nothing about it. */
    @Test
    void theGeneratorsReachEveryReasonARouteIsLeftOut() {
        Set<UnresolvedRoute.Reason> seen = EnumSet.noneOf(UnresolvedRoute.Reason.class);
        qt().withExamples(500).forAll(fixtures()).checkAssert(fixture ->
                fixture.build().unresolved().forEach(route -> seen.add(route.reason())));

        // DUPLICATE_PREFIX comes from competing static routes: two LIFs never share a subnet here, as the controller demands.
        assertThat(seen).containsExactlyInAnyOrder(UnresolvedRoute.Reason.values());
    }

    @Test
    void routesSurviveTheWire() {
        qt().withExamples(300).forAll(fixtures()).checkAssert(fixture -> {
            List<ForwardingRoute> routes = fixture.build().routes();
            List<Route> wire = ProtoTranslation.toWire(routes);

            assertThat(wire.stream().map(ProtoTranslation::route).toList()).isEqualTo(routes);
        });
    }
}
