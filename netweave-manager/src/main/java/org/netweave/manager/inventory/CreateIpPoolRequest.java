package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An IP pool to create, from which host preparation gives VTEP VMkernel ports their addresses,"
        + " lowest free first. The manager gives it an id ipaddresspool-N.")
public record CreateIpPoolRequest(
        @Schema(description = "Unique name, 1-255 characters.", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "First address of the range.", example = "192.168.50.10", requiredMode = Schema.RequiredMode.REQUIRED)
        String start,
        @Schema(description = "Last address of the range, in start's subnet and not before start.", example = "192.168.50.99",
                requiredMode = Schema.RequiredMode.REQUIRED) String end,
        @Schema(description = "Prefix length of the VTEPs' subnet, 1-32; the range holds neither its network nor its"
                + " broadcast address.", example = "24", requiredMode = Schema.RequiredMode.REQUIRED) Integer prefixLength,
        @Schema(description = "Default gateway of the VTEP subnet, outside the range; optional.", example = "192.168.50.1",
                nullable = true) String gateway) {

    IpPoolSpec toSpec() {
        String checkedName = RequestFields.name("name", name);
        var first = RequestFields.ip("start", start);
        var last = RequestFields.ip("end", end);
        int length = RequestFields.required("prefixLength", prefixLength);
        return new IpPoolSpec(checkedName, first, last, length, RequestFields.optionalIp("gateway", gateway));
    }
}
