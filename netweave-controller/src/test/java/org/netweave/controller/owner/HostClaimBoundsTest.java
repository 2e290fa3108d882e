package org.netweave.controller.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netweave.controller.runtime.HostClaim;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** What a host may make a controller hold on one VNI is bounded. */
class HostClaimBoundsTest {
    private static MacAddress mac(int n) {
        return MacAddress.of(0x0250_5600_0000L + n);
    }

    @Test
    void aClaimUpToTheBoundIsTakenAndOnePastItRefused() {
        List<MacAddress> atBound = IntStream.range(0, HostRequests.MAX_CLAIMS_PER_VNI).mapToObj(HostClaimBoundsTest::mac).toList();
        HostClaim full = HostClaim.NONE.withJoined().withMacs(atBound, List.of());
        assertThat(HostRequests.exceedsBound(full)).isFalse();
        assertThat(HostRequests.exceedsBound(full.withMacs(List.of(mac(HostRequests.MAX_CLAIMS_PER_VNI)), List.of()))).isTrue();
        assertThat(HostRequests.exceedsBound(full.withMacs(List.of(mac(HostRequests.MAX_CLAIMS_PER_VNI)), List.of(mac(0)))))
                .as("one in, one out").isFalse();

        Map<Ipv4Address, MacAddress> bindings = new HashMap<>();
        IntStream.rangeClosed(0, HostRequests.MAX_CLAIMS_PER_VNI).forEach(n -> bindings.put(Ipv4Address.of(0x0a00_0000 + n), mac(0)));
        assertThat(HostRequests.exceedsBound(HostClaim.NONE.withJoined().withArps(bindings, List.of()))).isTrue();
    }
}
