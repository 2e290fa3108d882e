package org.netweave.manager.inventory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.api.ApiException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;

@Schema(description = "A VMkernel port of a new host.")
public record VmkernelPortRequest(
        @Schema(description = "Device name vmk0 ... vmk999, unique on the host.", example = "vmk0",
                requiredMode = Schema.RequiredMode.REQUIRED) String device,
        @Schema(description = "IPv4 address, unique in the inventory.", example = "10.20.0.11",
                requiredMode = Schema.RequiredMode.REQUIRED) String ip,
        @Schema(description = "Length of the subnet prefix, 1-32.", example = "24", requiredMode = Schema.RequiredMode.REQUIRED)
        Integer prefixLength,
        @ArraySchema(arraySchema = @Schema(description = "The traffic the port carries; at least one. VTEP is not"
                + " accepted: host preparation adds the VTEP port. Give each service its own port: one port for all of"
                + " them makes the host's status WARNING.", requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(allowableValues = {"MANAGEMENT", "VMOTION", "FAULT_TOLERANCE", "IP_STORAGE", "VTEP"}))
        List<String> services) {

    /** @param at this port's path in the request, such as {@code vmkernelPorts[1].} */
    VmkernelPort toPort(String at) {
        String dev = RequestFields.required(at + "device", device);
        Ipv4Address address = RequestFields.ip(at + "ip", ip);
        int length = RequestFields.required(at + "prefixLength", prefixLength);
        if (length < 1 || length > 32) {
            throw ApiException.invalid(at + "prefixLength", at + "prefixLength: " + length + " is outside 1-32");
        }
        Ipv4InterfaceAddress interfaceAddress = RequestFields.at(at + "ip", () -> new Ipv4InterfaceAddress(address, length));
        List<String> names = RequestFields.list(at + "services", services);
        Set<VmkernelService> parsed = EnumSet.noneOf(VmkernelService.class);
        for (int i = 0; i < names.size(); i++) {
            VmkernelService service = RequestFields.enumValue(at + "services[" + i + "]", names.get(i), VmkernelService.class);
            if (!parsed.add(service)) {
                throw ApiException.invalid(at + "services[" + i + "]", service + " is listed twice");
            }
        }
        return RequestFields.within(at, () -> new VmkernelPort(dev, interfaceAddress, parsed));
    }
}
