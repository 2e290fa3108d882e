package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.DlrId;

@Schema(description = "A VM of the compute inventory: a workload, or a DLR's control VM.")
public record VmView(
        @Schema(description = "Its id, vm-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "The host it runs on.") String hostId,
        @Schema(description = "WORKLOAD or CONTROL_VM.", allowableValues = {"WORKLOAD", "CONTROL_VM"}) String kind,
        @Schema(description = "POWERED_ON or POWERED_OFF.", allowableValues = {"POWERED_ON", "POWERED_OFF"}) String powerState,
        @Schema(description = "The DLR whose control VM it is; null for a workload.", nullable = true) String dlrId,
        @ArraySchema(arraySchema = @Schema(description = "Its vNICs, by index.")) List<VmVnicView> vnics,
        @Schema(description = "The generation of its last write (creation, power, migration).") long generation,
        @Schema(description = "Realised state on its host.") Realization realization) {

    static VmView of(VmRecord vm, Realization realization) {
        return new VmView(vm.id().value(), vm.name(), vm.hostId().value(), vm.kind().name(), vm.powerState().name(),
                vm.dlr().map(DlrId::value).orElse(null), vm.vnics().stream().map(VmVnicView::of).toList(), vm.generation(),
                realization);
    }
}
