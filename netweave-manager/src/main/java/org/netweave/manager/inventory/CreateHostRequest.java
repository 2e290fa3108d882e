package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ClusterId;

@Schema(description = "A host (ESXi hypervisor) to add to a cluster; the manager gives it an id host-N. In a prepared"
        + " cluster the host is prepared as it is added (VTEP port and router MAC), or not added at all when the"
        + " cluster's IP pool is used up.")
public record CreateHostRequest(
        @Schema(description = "The cluster it joins.", requiredMode = Schema.RequiredMode.REQUIRED) String clusterId,
        @Schema(description = "Unique name, 1-255 characters, such as its DNS name.", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "The address the manager reaches the host at; unique in the inventory. If it is one of"
                + " the ports' addresses, that port must carry MANAGEMENT.", requiredMode = Schema.RequiredMode.REQUIRED)
        String managementIp,
        @ArraySchema(arraySchema = @Schema(description = "Its VMkernel ports; at least one carries MANAGEMENT.",
                requiredMode = Schema.RequiredMode.REQUIRED))
        List<VmkernelPortRequest> vmkernelPorts) {

    HostSpec toSpec() {
        ClusterId cluster = RequestFields.id("clusterId", clusterId, ClusterId::of);
        List<VmkernelPortRequest> requests = RequestFields.list("vmkernelPorts", vmkernelPorts);
        List<VmkernelPort> ports = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = "vmkernelPorts[" + i + "].";
            ports.add(RequestFields.required("vmkernelPorts[" + i + "]", requests.get(i)).toPort(at));
        }
        return new HostSpec(cluster, RequestFields.name("name", name), RequestFields.ip("managementIp", managementIp), ports);
    }
}
