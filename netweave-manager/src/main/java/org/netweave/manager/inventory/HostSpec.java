package org.netweave.manager.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netweave.model.ClusterId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * A host to add. The constructor checks what the host alone must satisfy; the admin service checks
 * it against the inventory (cluster, name, addresses other hosts use).
 *
 * <ul>
 * <li>At least one VMkernel port carries MANAGEMENT: vSphere HA heartbeats and the manager reach
 *     the host over it.</li>
 * <li>Devices and addresses are unique among the host's ports.</li>
 * <li>No port carries VTEP: host preparation creates the VTEP port together with the host's
 *     router MAC, so "has a VTEP port" and "is prepared" can never disagree.</li>
 * <li>The management address, if it is one of the ports' addresses, is on a MANAGEMENT port.</li>
 * </ul>
 */
public record HostSpec(ClusterId cluster, String name, Ipv4Address managementIp, List<VmkernelPort> vmkernelPorts) {
    public HostSpec {
        vmkernelPorts = List.copyOf(vmkernelPorts);
        if (vmkernelPorts.stream().noneMatch(port -> port.carries(VmkernelService.MANAGEMENT))) {
            throw new InvalidValueException("vmkernelPorts", vmkernelPorts.stream().map(VmkernelPort::device).toList(),
                    "has no port with MANAGEMENT; vSphere HA heartbeats and the manager reach the host over it");
        }
        Map<String, Integer> devices = new HashMap<>();
        Map<Ipv4Address, Integer> addresses = new HashMap<>();
        for (int i = 0; i < vmkernelPorts.size(); i++) {
            VmkernelPort port = vmkernelPorts.get(i);
            String at = "vmkernelPorts[" + i + "].";
            Integer before = devices.putIfAbsent(port.device(), i);
            if (before != null) {
                throw new InvalidValueException(at + "device", port.device(), "is also vmkernelPorts[" + before + "]'s device");
            }
            before = addresses.putIfAbsent(port.address().address(), i);
            if (before != null) {
                throw new InvalidValueException(at + "ip", port.address().address().toString(),
                        "is also vmkernelPorts[" + before + "]'s address");
            }
            if (port.carries(VmkernelService.VTEP)) {
                throw new InvalidValueException(at + "services", "VTEP",
                        "is not for the operator: host preparation (POST /hosts/{id}/prepare) adds the VTEP port");
            }
            if (port.address().address().equals(managementIp) && !port.carries(VmkernelService.MANAGEMENT)) {
                throw new InvalidValueException("managementIp", managementIp.toString(),
                        "is the address of " + port.device() + ", which does not carry MANAGEMENT");
            }
        }
    }
}
