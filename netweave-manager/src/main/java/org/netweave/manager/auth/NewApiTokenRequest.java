package org.netweave.manager.auth;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A token to make.")
public record NewApiTokenRequest(
        @Schema(description = "Who or what will use it; unique, 1-255 characters.") String name,
        @Schema(description = "enterprise_admin, network_engineer or auditor.") String role) {
}
