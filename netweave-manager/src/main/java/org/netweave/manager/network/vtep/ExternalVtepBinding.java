package org.netweave.manager.network.vtep;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A MAC address behind an external VTEP.")
public record ExternalVtepBinding(
        @Schema(description = "The MAC, aa:bb:cc:dd:ee:ff, unicast; bound to at most one VTEP per logical switch.") String mac,
        @Schema(description = "Its IPv4 address, if known, so hosts can answer ARP for it.", nullable = true) String ip) {

    static ExternalVtepBinding of(MacBinding binding) {
        return new ExternalVtepBinding(binding.mac().toString(), binding.ip() == null ? null : binding.ip().toString());
    }
}
