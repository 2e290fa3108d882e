package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.model.VmId;

@Schema(description = "A rule that keeps VMs on different hosts. It holds from the start: VMs that share a host are"
        + " moved to other hosts of their cluster, as DRS would move them, or the rule is refused when the cluster has"
        + " too few eligible hosts. The manager gives it an id rule-N.")
public record CreateAntiAffinityRuleRequest(
        @Schema(description = "Unique name, 1-255 characters.", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @ArraySchema(arraySchema = @Schema(description = "The VMs to keep apart: at least two, each once.",
                requiredMode = Schema.RequiredMode.REQUIRED))
        List<String> vmIds) {

    String toName() {
        return RequestFields.name("name", name);
    }

    List<VmId> toVms() {
        List<String> texts = RequestFields.list("vmIds", vmIds);
        List<VmId> ids = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ids.add(RequestFields.id("vmIds[" + i + "]", texts.get(i), VmId::of));
        }
        return ids;
    }
}
