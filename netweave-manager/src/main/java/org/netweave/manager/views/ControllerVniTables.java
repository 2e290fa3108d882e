package org.netweave.manager.views;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The runtime tables one controller holds for a VNI (NSX's show logical-switch controller "
        + "<controller> vni <vni> mac|arp|vtep|connection). A controller that does not own the VNI holds none, so "
        + "its tables are empty and note names the owner.")
public record ControllerVniTables(
        @Schema(description = "The controller asked.") String controllerId,
        @Schema(description = "The VNI.") int vni,
        @Schema(description = "Whether the controller asked owns the VNI's slice now.") boolean owner,
        @Schema(description = "The owner by the controller's newest assignment; null when no node acts for the slice.",
                nullable = true) String ownerId,
        @Schema(description = "The epoch of the assignment the controller answered under.") long epoch,
        @Schema(description = "Why the tables are empty, when the controller asked is not the owner or does not hold "
                + "the switch yet; null otherwise.", nullable = true) String note,
        @Schema(description = "VTEP table: the VTEPs joined to the VNI.") List<ControllerVtepRow> vteps,
        @Schema(description = "MAC table: VM MACs and the VTEP each is behind.") List<ControllerMacRow> macs,
        @Schema(description = "ARP table: VM IP-to-MAC bindings hosts reported.") List<ControllerArpRow> arps,
        @Schema(description = "Connection table: the host connections joined to the VNI.")
        List<ControllerConnectionRow> connections) {

    @Schema(description = "A VTEP table row (NSX columns VNI, IP, Segment, MAC, Connection-ID).")
    public record ControllerVtepRow(
            @Schema(description = "The VTEP's address.") String ip,
            @Schema(description = "The VTEP's subnet (segment), e.g. 172.31.1.0/24.") String segment,
            @Schema(description = "The VTEP vmknic's MAC.") String mac,
            @Schema(description = "The host connection that joined it.") int connectionId) {
    }

    @Schema(description = "A MAC table row (NSX columns VNI, MAC, VTEP-IP, Connection-ID).")
    public record ControllerMacRow(
            @Schema(description = "The VM's MAC.") String mac,
            @Schema(description = "The VTEP of the host the VM runs on.") String vtepIp,
            @Schema(description = "The host connection that reported it.") int connectionId) {
    }

    @Schema(description = "An ARP table row (NSX columns VNI, IP, MAC, Connection-ID).")
    public record ControllerArpRow(
            @Schema(description = "The VM's IP address.") String ip,
            @Schema(description = "The MAC bound to it.") String mac,
            @Schema(description = "The host connection that reported it.") int connectionId) {
    }

    @Schema(description = "A connection table row (NSX columns Host-IP, Port, ID).")
    public record ControllerConnectionRow(
            @Schema(description = "The host's management address.") String hostIp,
            @Schema(description = "The host's source port of the connection.") int port,
            @Schema(description = "The id the controller gave the connection.") int id,
            @Schema(description = "The host at the other end.") String hostId) {
    }
}
