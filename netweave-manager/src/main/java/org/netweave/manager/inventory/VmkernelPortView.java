package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A VMkernel port of a host.")
public record VmkernelPortView(
        @Schema(description = "Device name, vmkN.") String device,
        @Schema(description = "IPv4 address.") String ip,
        @Schema(description = "Subnet prefix length.") int prefixLength,
        @ArraySchema(arraySchema = @Schema(description = "The traffic it carries, in declaration order."),
                schema = @Schema(allowableValues = {"MANAGEMENT", "VMOTION", "FAULT_TOLERANCE", "IP_STORAGE", "VTEP"}))
        List<String> services) {

    static VmkernelPortView of(VmkernelPort port) {
        return new VmkernelPortView(port.device(), port.address().address().toString(), port.address().prefixLength(),
                port.services().stream().map(Enum::name).toList());
    }
}
