package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Whether the host's VMkernel configuration follows good practice, and what to change if not.")
public record HostStatusView(
        @Schema(description = "OK, or WARNING when warnings is not empty.", allowableValues = {"OK", "WARNING"})
        String state,
        @ArraySchema(arraySchema = @Schema(description = "One sentence per finding: what is wrong, why it matters and what to do."))
        List<String> warnings) {

    public HostStatusView {
        warnings = List.copyOf(warnings);
    }

    static HostStatusView of(List<String> warnings) {
        return new HostStatusView(warnings.isEmpty() ? "OK" : "WARNING", warnings);
    }
}
