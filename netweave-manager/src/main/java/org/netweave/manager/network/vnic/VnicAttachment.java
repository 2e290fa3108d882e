package org.netweave.manager.network.vnic;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A VM's vNIC and the logical switch it is attached to.")
public record VnicAttachment(
        @Schema(description = "The VM.") String vmId,
        @Schema(description = "The vNIC's index on the VM (0 for the first).") int index,
        @Schema(description = "The vNIC's MAC address.") String mac,
        @Schema(description = "Its IPv4 address as the inventory knows it.", nullable = true) String ip,
        @Schema(description = "The host the VM runs on.") String hostId,
        @Schema(description = "The logical switch it is attached to; null when detached.", nullable = true)
        String logicalSwitchId,
        @Schema(description = "The generation of the vNIC's last write.") long generation) {

    static VnicAttachment of(VnicPlacement vnic) {
        return new VnicAttachment(vnic.vm().value(), vnic.index(), vnic.mac().toString(),
                vnic.ip() == null ? null : vnic.ip().toString(), vnic.host().value(),
                vnic.logicalSwitch() == null ? null : vnic.logicalSwitch().value(), vnic.generation());
    }
}
