package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.VmId;

@Schema(description = "A rule that keeps VMs on different hosts (DRS VM-VM anti-affinity).")
public record AntiAffinityRuleView(
        @Schema(description = "Its id, rule-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @ArraySchema(arraySchema = @Schema(description = "The VMs it keeps apart, in id order; a deleted VM leaves the rule."))
        List<String> vmIds,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Realised state on the hosts of its VMs.") Realization realization) {

    static AntiAffinityRuleView of(AntiAffinityRuleRecord rule, Realization realization) {
        return new AntiAffinityRuleView(rule.id().value(), rule.name(), rule.vms().stream().map(VmId::value).toList(),
                rule.generation(), realization);
    }
}
