package org.netweave.manager.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.HostId;

@Schema(description = "A compute cluster: the hosts a transport zone spans and host preparation prepares together.")
public record ClusterView(
        @Schema(description = "Its id, domain-cN.") String id,
        @Schema(description = "The datacenter it belongs to.") String datacenterId,
        @Schema(description = "Its name, unique within the datacenter.") String name,
        @Schema(description = "Whether host preparation ran on it; hosts added to a prepared cluster are prepared as"
                + " they are added.") boolean prepared,
        @Schema(description = "The IP pool its hosts' VTEP addresses come from; null until prepared.", nullable = true)
        String vtepIpPoolId,
        @ArraySchema(arraySchema = @Schema(description = "Its hosts, in id order.")) List<String> hostIds,
        @Schema(description = "The generation of its last write (creation or preparation).") long generation,
        @Schema(description = "Realised state on its hosts.") Realization realization) {

    static ClusterView of(ClusterRecord cluster, Realization realization) {
        return new ClusterView(cluster.id().value(), cluster.datacenterId().value(), cluster.name(), cluster.prepared(),
                cluster.vtepPool().map(IpPoolId::value).orElse(null), cluster.hosts().stream().map(HostId::value).toList(),
                cluster.generation(), realization);
    }
}
