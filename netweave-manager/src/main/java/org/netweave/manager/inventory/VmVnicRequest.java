package org.netweave.manager.inventory;

import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.MacAddress;

@Schema(description = "A vNIC of a new VM.")
public record VmVnicRequest(
        @Schema(description = "Unicast MAC address, unique in the inventory; absent: the manager allocates one from"
                + " 00:50:56:80:00:00-00:50:56:bf:ff:ff.", example = "00:50:56:80:00:01", nullable = true) String mac,
        @Schema(description = "The guest's IPv4 address, if known.", example = "10.0.1.10", nullable = true) String ip) {

    VnicSpec toSpec(String at) {
        Optional<MacAddress> parsedMac = Optional.ofNullable(mac).map(text -> MacAddress.parse(at + "mac", text));
        var parsedIp = RequestFields.optionalIp(at + "ip", ip);
        return RequestFields.within(at, () -> new VnicSpec(parsedMac, parsedIp));
    }
}
