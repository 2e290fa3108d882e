package org.netweave.manager.network.router;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A DLR interface (LIF).")
public record DlrInterface(
        @Schema(description = "Its index: uplinks 1-9, internals 10-999.") int index,
        @Schema(description = "Its name, unique within the DLR.") String name,
        @Schema(description = "INTERNAL or UPLINK.") LifType type,
        @Schema(description = "The logical switch it is on, or null for a VLAN interface.", nullable = true)
        String logicalSwitchId,
        @Schema(description = "That switch's VNI, or null.", nullable = true) Integer vni,
        @Schema(description = "The VLAN it is on, or null for a logical switch interface.", nullable = true) Integer vlan,
        @Schema(description = "Its address with prefix length, e.g. 10.0.1.1/24.") String address,
        @Schema(description = "Its MAC, the same on every host: the vMAC 02:50:56:56:44:52, except on an interface a"
                + " Neutron router took from a port (add_router_interface with port_id), which keeps that port's MAC.") String mac,
        @Schema(description = "Its MTU.") int mtu,
        @Schema(description = "The generation of the write that added it.") long generation) {

    static DlrInterface of(Lif lif) {
        return new DlrInterface(lif.index(), lif.name(), lif.type(),
                lif.logicalSwitch() == null ? null : lif.logicalSwitch().value(),
                lif.vni() == null ? null : lif.vni().value(), lif.vlan() == null ? null : lif.vlan().value(),
                lif.address().toString(), lif.mac().toString(), lif.mtu(), lif.generation());
    }
}
