package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

@Schema(description = "A host (ESXi hypervisor) of the compute inventory.")
public record HostView(
        @Schema(description = "Its id, host-N.") String id,
        @Schema(description = "Its cluster.") String clusterId,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "The address the manager reaches it at.") String managementIp,
        @Schema(description = "POWERED_ON or POWERED_OFF; placement uses powered-on hosts only.",
                allowableValues = {"POWERED_ON", "POWERED_OFF"}) String powerState,
        @Schema(description = "Whether host preparation gave it a VTEP port and a router MAC.") boolean prepared,
        @Schema(description = "The address of its VTEP VMkernel port; null until prepared.", nullable = true) String vtepIp,
        @Schema(description = "The source MAC of frames its DLR instances route (NSX pMAC, Neutron DVR MAC), unique per"
                + " host; null until prepared.", nullable = true) String routerMac,
        @ArraySchema(arraySchema = @Schema(description = "Its VMkernel ports, by device.")) List<VmkernelPortView> vmkernelPorts,
        @Schema(description = "Whether its VMkernel configuration follows good practice.") HostStatusView status,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Realised state on the host itself.") Realization realization) {

    static HostView of(HostRecord host, Realization realization) {
        return new HostView(host.id().value(), host.clusterId().value(), host.name(), host.managementIp().toString(),
                host.powerState().name(), host.prepared(), host.vtepIp().map(Ipv4Address::toString).orElse(null),
                host.routerMac().map(MacAddress::toString).orElse(null),
                host.vmkernelPorts().stream().map(VmkernelPortView::of).toList(), HostHealth.assess(host.vmkernelPorts()),
                host.generation(), realization);
    }
}
