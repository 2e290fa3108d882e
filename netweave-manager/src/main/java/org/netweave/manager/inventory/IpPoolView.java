package org.netweave.manager.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.realization.Realization;
import org.netweave.model.Ipv4Address;

@Schema(description = "An IP pool for VTEP addresses.")
public record IpPoolView(
        @Schema(description = "Its id, ipaddresspool-N.") String id,
        @Schema(description = "Its unique name.") String name,
        @Schema(description = "First address of the range.") String start,
        @Schema(description = "Last address of the range.") String end,
        @Schema(description = "Prefix length of the VTEPs' subnet.") int prefixLength,
        @Schema(description = "Default gateway of the VTEP subnet; null if none.", nullable = true) String gateway,
        @Schema(description = "Number of addresses in the range.") long size,
        @Schema(description = "Number of them some host uses now.") long allocated,
        @Schema(description = "The generation of its last write.") long generation,
        @Schema(description = "Realised state; a pool lives in the manager only, so it is REALIZED with no hosts.")
        Realization realization) {

    static IpPoolView of(IpPoolRecord pool, long allocated, Realization realization) {
        return new IpPoolView(pool.id().value(), pool.name(), pool.start().toString(), pool.end().toString(),
                pool.prefixLength(), pool.gateway().map(Ipv4Address::toString).orElse(null), pool.size(), allocated,
                pool.generation(), realization);
    }
}
