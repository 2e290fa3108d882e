package org.netweave.manager.controllers;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A controller node's own CLI output, as NSX's central CLI relays it.")
public record ControllerCliView(
        @Schema(description = "The controller.") String controllerId,
        @Schema(description = "status, roles or startup-nodes.") String view,
        @Schema(description = "The text the node prints, with NSX's columns.") String text) {
}
