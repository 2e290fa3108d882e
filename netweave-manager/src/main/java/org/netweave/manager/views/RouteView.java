package org.netweave.manager.views;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

@Schema(description = "A DLR routing-table row with net-vdr --route's columns: Destination, GenMask, Gateway, Flags, "
        + "Origin, Interface.")
public record RouteView(
        @Schema(description = "The destination network, e.g. 10.0.1.0.") String destination,
        @Schema(description = "Its netmask, e.g. 255.255.255.0.") String genMask,
        @Schema(description = "Its prefix length, e.g. 24.") int prefixLength,
        @Schema(description = "The next hop; 0.0.0.0 for a LIF's connected subnet.") String gateway,
        @Schema(description = "UCI (Up, Connected, Interface) for a connected subnet, UG (Up, Gateway) for a route "
                + "via a gateway.") String flags,
        @Schema(description = "MANUAL for a connected subnet, AUTO for a route the control VM computed.") String origin,
        @Schema(description = "The LIF the route leaves by.") String interfaceId) {

    /**
     * A row as net-vdr prints it, whether a controller or a host holds the route: a gateway of
     * 0.0.0.0 (or none) is the LIF's connected subnet, which the manager configured (MANUAL);
     * anything else the control VM computed (AUTO).
     */
    public static RouteView of(Ipv4Prefix prefix, Ipv4Address gateway, LifId lif) {
        boolean connected = gateway == null || gateway.equals(Ipv4Address.ANY);
        return new RouteView(prefix.address().toString(), Ipv4Address.toString(prefix.mask()), prefix.length(),
                connected ? Ipv4Address.ANY.toString() : gateway.toString(), connected ? "UCI" : "UG",
                connected ? "MANUAL" : "AUTO", lif.value());
    }
}
