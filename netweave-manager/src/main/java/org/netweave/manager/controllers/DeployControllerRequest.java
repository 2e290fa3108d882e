package org.netweave.manager.controllers;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Deploy one more controller node. The first one bootstraps the cluster alone and is master of"
        + " every role; the second is the even special case (no failure tolerated); the third gives the stable state.")
public record DeployControllerRequest(
        @Schema(description = "A name; defaults to the id the manager gives it.", nullable = true) String name) {
}
