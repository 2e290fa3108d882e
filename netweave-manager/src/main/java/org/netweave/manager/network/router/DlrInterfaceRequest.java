package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR interface (LIF) on a logical switch or a VLAN, with one IPv4 address.")
public record DlrInterfaceRequest(
        @Schema(description = "Name, unique within the DLR, at most 255 characters.") String name,
        @Schema(description = "INTERNAL (index 10-999) or UPLINK (index 1-9).") LifType type,
        @Schema(description = "The logical switch (virtualwire-N); give this or vlan. A logical switch is on at most one"
                + " DLR.", nullable = true) String logicalSwitchId,
        @Schema(description = "The VLAN, 1-4094; give this or logicalSwitchId. A VLAN is on at most one DLR.",
                nullable = true) Integer vlan,
        @Schema(description = "The interface address with its prefix length, e.g. 10.0.1.1/24: a host address of the"
                + " subnet (not its network or broadcast address); subnets of one DLR's interfaces do not overlap.")
        String address,
        @Schema(description = "MTU, 68-9000; default 1500.", nullable = true) Integer mtu) {
}
