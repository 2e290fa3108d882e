package org.netweave.controlvm;

import java.util.Optional;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/** Short builders for the builder's fixtures, written as a network engineer would type them. */
final class Routes {
    private Routes() {
    }

    static LifAddress lif(String id, String address) {
        return new LifAddress(LifId.of(id), Ipv4InterfaceAddress.parse(address));
    }

    static StaticRouteConfig route(String prefix, String nextHop) {
        return route(prefix, nextHop, StaticRouteConfig.DEFAULT_DISTANCE);
    }

    static StaticRouteConfig route(String prefix, String nextHop, int distance) {
        return new StaticRouteConfig(Ipv4Prefix.parse(prefix), Ipv4Address.parse(nextHop), distance);
    }

    static Optional<Ipv4Address> gateway(String address) {
        return Optional.of(Ipv4Address.parse(address));
    }
}
