package org.netweave.cli.allinone;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.VmId;

@Schema(description = "What a ping from a lab VM's guest got back.")
public record VmPingReport(
        @Schema(description = "The VM that pinged.") String vmId,
        @Schema(description = "The host its guest runs on.") String hostId,
        @Schema(description = "The address pinged.") String target,
        @Schema(description = "Echo requests sent.") int sent,
        @Schema(description = "Echo replies received.") int received,
        @Schema(description = "Average round trip in milliseconds of the replies; 0 without replies.") double averageRttMillis,
        @Schema(description = "The TTL of the last reply: 64 minus the routers it crossed; 0 without replies.") int replyTtl,
        @ArraySchema(arraySchema = @Schema(description = "ICMP errors received instead, as 'from type/code'."))
        List<String> errors) {

    static VmPingReport of(VmId vm, String host, PingResult result) {
        return new VmPingReport(vm.value(), host, result.target().toString(), result.sent(), result.received(),
                result.averageRttMillis(), result.replyTtl(),
                result.errors().stream().map(e -> e.from() + " " + e.type() + "/" + e.code()).toList());
    }
}
