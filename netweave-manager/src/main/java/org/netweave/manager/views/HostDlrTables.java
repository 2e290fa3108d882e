package org.netweave.manager.views;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The tables a host's instance of a DLR holds: NSX's show logical-router host <host> dlr <dlr> "
        + "interface|route|arp (net-vdr --lif, --route, --nbr on the host).")
public record HostDlrTables(
        @Schema(description = "The host.") String hostId,
        @Schema(description = "The DLR.") String dlrId,
        @Schema(description = "The LIFs installed on the host, by name.") List<HostLifRow> interfaces,
        @Schema(description = "The forwarding table the host routes by, by destination.") List<RouteView> routes,
        @Schema(description = "The neighbours the DLR resolves next hops to, by LIF then IP.")
        List<HostNeighbourRow> neighbours) {

    @Schema(description = "A LIF as net-vdr --lif shows it.")
    public record HostLifRow(
            @Schema(description = "The LIF's name.") String name,
            @Schema(description = "INTERNAL or UPLINK.") String mode,
            @Schema(description = "The logical switch it connects.") int vni,
            @Schema(description = "Its address and prefix length, e.g. 10.0.1.1/24.") String address,
            @Schema(description = "The gateway vMAC, the same on every host.") String vmac,
            @Schema(description = "Whether this host is the LIF's designated instance.") boolean designatedInstance) {
    }

    @Schema(description = "A neighbour as net-vdr --nbr shows it.")
    public record HostNeighbourRow(
            @Schema(description = "The neighbour's address.") String ip,
            @Schema(description = "Its MAC.") String mac,
            @Schema(description = "VI for the LIF's own address (Valid, Interface), V for a resolved neighbour.")
            String flags,
            @Schema(description = "The LIF it is on.") String interfaceId) {
    }
}
