package org.netweave.manager.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/** A token as the API shows it: never its secret, except once in {@link NewApiToken}. */
@Schema(description = "An API token: who it is for and what its role lets it do.")
public record ApiToken(
        @Schema(description = "The token's id (token-N).") String id,
        @Schema(description = "Who or what uses it, unique.") String name,
        @Schema(description = "enterprise_admin, network_engineer or auditor.") String role,
        @Schema(description = "When it was made (ISO-8601).") String createdAt) {

    static ApiToken of(TokenStore.Row row) {
        return new ApiToken(row.id(), row.name(), row.role().apiName(), row.createdAt().toString());
    }
}
