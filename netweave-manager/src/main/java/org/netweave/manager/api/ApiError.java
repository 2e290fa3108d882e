package org.netweave.manager.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of every 4xx and 5xx answer. */
@Schema(description = "An error: what kind, which request field (null when the error is not about one field), and a sentence for people.")
public record ApiError(
        @Schema(description = "Machine-readable kind: malformed_json, unknown_field, missing_field, invalid_value, not_found, conflict, in_use, unavailable, internal_error.")
        String error,
        @Schema(description = "The request field at fault, as a JSON path such as interfaces[1].address; null when no single field is.", nullable = true)
        String field,
        @Schema(description = "What is wrong and, where it helps, what is in the way.")
        String message) {
}
