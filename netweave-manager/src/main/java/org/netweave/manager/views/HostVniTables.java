package org.netweave.manager.views;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The tables a host's datapath holds for a VNI: NSX's show logical-switch host <host> vni <vni> "
        + "mac|arp|vtep (net-vdl2 -M on the host).")
public record HostVniTables(
        @Schema(description = "The host.") String hostId,
        @Schema(description = "The VNI.") int vni,
        @Schema(description = "BUM replication as the host applies it: UNICAST, HYBRID or MULTICAST.")
        String replicationMode,
        @Schema(description = "MAC table: where the host sends frames for each inner MAC, by MAC.")
        List<HostMacRow> macs,
        @Schema(description = "ARP table: the IP-to-MAC bindings the host answers ARP from, by IP.")
        List<HostArpRow> arps,
        @Schema(description = "VTEP table: the remote VTEPs the host replicates to, by IP.") List<HostVtepRow> vteps) {

    @Schema(description = "A host MAC table row.")
    public record HostMacRow(
            @Schema(description = "The inner (VM) MAC.") String mac,
            @Schema(description = "LOCAL_PORT, REMOTE_VTEP, VLAN or ROUTER.") String location,
            @Schema(description = "The vNIC port, remote VTEP address, VLAN or DLR the MAC is at.") String where,
            @Schema(description = "Whether the datapath learned it from traffic rather than being told.")
            boolean learned) {
    }

    @Schema(description = "A host ARP table row.")
    public record HostArpRow(
            @Schema(description = "The IP address.") String ip,
            @Schema(description = "The MAC bound to it.") String mac) {
    }

    @Schema(description = "A host VTEP table row.")
    public record HostVtepRow(
            @Schema(description = "The VTEP's address.") String ip,
            @Schema(description = "The VTEP's subnet (segment); null for an external (hardware) VTEP.", nullable = true)
            String segment,
            @Schema(description = "HOST for a hypervisor's VTEP, EXTERNAL for a hardware VTEP.") String kind) {
    }
}
