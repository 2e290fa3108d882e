package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;

@Schema(description = "A vNIC of a VM.")
public record VmVnicView(
        @Schema(description = "Its number on the VM: 0, 1, ...") int index,
        @Schema(description = "Its MAC address.") String mac,
        @Schema(description = "The guest's IPv4 address, if known.", nullable = true) String ip,
        @Schema(description = "The logical switch it is attached to (virtualwire-N); null while detached. The network"
                + " API attaches it.", nullable = true) String logicalSwitchId) {

    static VmVnicView of(Vnic vnic) {
        return new VmVnicView(vnic.index(), vnic.mac().toString(), vnic.ip().map(Ipv4Address::toString).orElse(null),
                vnic.logicalSwitch().map(LogicalSwitchId::value).orElse(null));
    }
}
