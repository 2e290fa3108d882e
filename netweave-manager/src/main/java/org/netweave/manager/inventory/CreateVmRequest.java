package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;

@Schema(description = "A VM to create on a host, or in a cluster where the manager places it (powered-on hosts only,"
        + " fewest VMs first, ties to the lowest id). Exactly one of hostId and clusterId. The manager gives it an id vm-N.")
public record CreateVmRequest(
        @Schema(description = "Unique name, 1-255 characters.", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "The host to run on; it must be powered on.", nullable = true) String hostId,
        @Schema(description = "The cluster to place the VM in.", nullable = true) String clusterId,
        @Schema(description = "What the VM is for; default WORKLOAD.", allowableValues = {"WORKLOAD", "CONTROL_VM"},
                nullable = true) String kind,
        @Schema(description = "Default POWERED_ON (created and started in one step); POWERED_OFF only registers it.",
                allowableValues = {"POWERED_ON", "POWERED_OFF"}, nullable = true) String powerState,
        @ArraySchema(arraySchema = @Schema(description = "Its vNICs, numbered 0, 1, ... in this order; default none."
                + " Attaching them to logical switches is a separate call of the network API.", nullable = true))
        List<VmVnicRequest> vnics) {

    VmSpec toSpec() {
        String checkedName = RequestFields.name("name", name);
        var host = RequestFields.optionalId("hostId", hostId, HostId::of);
        var cluster = RequestFields.optionalId("clusterId", clusterId, ClusterId::of);
        VmKind parsedKind = kind == null ? VmKind.WORKLOAD : RequestFields.enumValue("kind", kind, VmKind.class);
        PowerState power = powerState == null ? PowerState.POWERED_ON
                : RequestFields.enumValue("powerState", powerState, PowerState.class);
        List<VnicSpec> specs = new ArrayList<>();
        List<VmVnicRequest> requests = vnics == null ? List.of() : vnics;
        for (int i = 0; i < requests.size(); i++) {
            specs.add(RequestFields.required("vnics[" + i + "]", requests.get(i)).toSpec("vnics[" + i + "]."));
        }
        return new VmSpec(checkedName, host, cluster, parsedKind, power, specs);
    }
}
