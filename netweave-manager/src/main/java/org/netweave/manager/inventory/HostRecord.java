package org.netweave.manager.inventory;

import java.util.List;
import java.util.Optional;

import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * A host (an ESXi hypervisor) as stored.
 *
 * @param vtepIp    the address of its VTEP VMkernel port; present once prepared
 * @param routerMac the source MAC of frames its DLR instances route (NSX pMAC, Neutron DVR MAC),
 *                  unique per host so no two hosts source one MAC into the overlay; present once prepared
 * @param vmkernelPorts sorted by device
 */
public record HostRecord(HostId id, ClusterId clusterId, String name, Ipv4Address managementIp, PowerState powerState,
                         boolean prepared, Optional<Ipv4Address> vtepIp, Optional<MacAddress> routerMac,
                         List<VmkernelPort> vmkernelPorts, long generation) {
    public HostRecord {
        vmkernelPorts = List.copyOf(vmkernelPorts);
    }

    public boolean carries(VmkernelService service) {
        return vmkernelPorts.stream().anyMatch(port -> port.carries(service));
    }
}
