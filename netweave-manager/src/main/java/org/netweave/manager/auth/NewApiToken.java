package org.netweave.manager.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/** A token just made, with its secret: the only time the secret is shown. */
@Schema(description = "A new API token with its secret, which is shown this once: send it as 'Authorization: Bearer <secret>'.")
public record NewApiToken(
        @Schema(description = "The token's id (token-N).") String id,
        @Schema(description = "Who or what uses it.") String name,
        @Schema(description = "enterprise_admin, network_engineer or auditor.") String role,
        @Schema(description = "The bearer secret; only its hash is kept.") String secret) {
}
