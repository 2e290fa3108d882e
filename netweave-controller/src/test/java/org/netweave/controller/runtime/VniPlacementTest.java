package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

class VniPlacementTest {
    private static final HostId ESX1 = HostId.of("host-1");
    private static final HostId ESX2 = HostId.of("host-2");
    private static final HostId BRIDGE = HostId.of("host-9");
    private static final MacAddress VM1 = MacAddress.parse("00:50:56:00:00:01");
    private static final MacAddress VM2 = MacAddress.parse("00:50:56:00:00:02");
    private static final MacAddress PHYSICAL = MacAddress.parse("00:1b:21:00:00:99");
    private static final Ipv4Address IP1 = Ipv4Address.parse("10.0.1.11");
    private static final Ipv4Address IP2 = Ipv4Address.parse("10.0.1.12");

    private static final VniPlacement PLACEMENT = VniPlacement.builder()
            .port(ESX1, VM1, IP1).port(ESX2, VM2, IP2).bridge(BRIDGE).build();

    private static HostClaim joined(Set<MacAddress> macs, Map<Ipv4Address, MacAddress> arps) {
        return new HostClaim(true, macs, arps);
    }

    @Test
    void aHostsOwnVnicsAreAdmittedWhole() {
        var admission = PLACEMENT.admit(ESX1, joined(Set.of(VM1), Map.of(IP1, VM1)));
        assertThat(admission.admitted()).isEqualTo(joined(Set.of(VM1), Map.of(IP1, VM1)));
        assertThat(admission.refused()).isEmpty();
    }

    @Test
    void anotherHostsMacAndAnArpBindingPoisoningItsIpAreRefusedTheRestAdmitted() {
        // host-2 claims VM1 (host-1's) and binds VM1's IP to its own VM2: both refused, VM2 kept.
        var admission = PLACEMENT.admit(ESX2, joined(Set.of(VM1, VM2), Map.of(IP1, VM2, IP2, VM2)));
        assertThat(admission.admitted()).isEqualTo(joined(Set.of(VM2), Map.of(IP2, VM2)));
        assertThat(admission.refused()).containsExactlyInAnyOrder(
                new RefusedClaim(ClaimRefusal.MAC_NOT_HELD, "mac " + VM1),
                new RefusedClaim(ClaimRefusal.IP_NOT_HELD, "arp " + IP1 + " " + VM2));
    }

    @Test
    void anIpBoundToAnotherHostsMacIsRefused() {
        var admission = PLACEMENT.admit(ESX2, joined(Set.of(VM2), Map.of(IP1, VM1)));
        assertThat(admission.admitted().arps()).isEmpty();
        assertThat(admission.refused()).extracting(RefusedClaim::reason).containsExactly(ClaimRefusal.IP_NOT_HELD);
    }

    @Test
    void aHostTheSwitchDoesNotSpanIsNotAdmittedAtAll() {
        var admission = PLACEMENT.admit(HostId.of("host-7"), joined(Set.of(VM1), Map.of(IP1, VM1)));
        assertThat(admission.admitted()).isEqualTo(HostClaim.NONE);
        assertThat(admission.refused()).containsExactly(new RefusedClaim(ClaimRefusal.VNI_NOT_SPANNED, "join"));
    }

    @Test
    void withoutAPlacementNothingIsAdmitted() {
        var admission = VniPlacement.NONE.admit(ESX1, joined(Set.of(VM1), Map.of()));
        assertThat(admission.admitted().joined()).isFalse();
        assertThat(admission.refused()).extracting(RefusedClaim::reason).containsExactly(ClaimRefusal.VNI_NOT_SPANNED);
    }

    @Test
    void aBridgeHostReportsVlanMacsButNotAVnicMacOfAnotherHost() {
        var admission = PLACEMENT.admit(BRIDGE, joined(Set.of(PHYSICAL, VM2), Map.of()));
        assertThat(admission.admitted().macs()).containsExactly(PHYSICAL);
        assertThat(admission.refused()).containsExactly(new RefusedClaim(ClaimRefusal.MAC_NOT_HELD, "mac " + VM2));
    }

    @Test
    void aHostThatIsNotTheBridgeMayNotReportMacsOfItsOwn() {
        var admission = PLACEMENT.admit(ESX1, joined(Set.of(VM1, PHYSICAL), Map.of()));
        assertThat(admission.admitted().macs()).containsExactly(VM1);
        assertThat(admission.refused()).extracting(RefusedClaim::reason).containsExactly(ClaimRefusal.MAC_NOT_HELD);
    }

    @Test
    void aClaimThatHasNotJoinedIsNeitherAdmittedNorRefused() {
        var admission = PLACEMENT.admit(ESX1, HostClaim.NONE);
        assertThat(admission.admitted()).isEqualTo(HostClaim.NONE);
        assertThat(admission.refused()).isEmpty();
    }

    @Test
    void claimsAddUpAsReportsDoRemovalsFirst() {
        HostClaim claim = HostClaim.NONE.withJoined().withMacs(List.of(VM1, VM2), List.of())
                .withMacs(List.of(VM2), List.of(VM1, VM2)).withArps(Map.of(IP1, VM1), List.of()).withArps(Map.of(), List.of(IP1));
        assertThat(claim).isEqualTo(joined(Set.of(VM2), Map.of()));
    }

    @Test
    void equalPlacementsAreEqualHoweverBuilt() {
        assertThat(VniPlacement.builder().bridge(BRIDGE).port(ESX2, VM2, IP2).port(ESX1, VM1, IP1).build())
                .isEqualTo(PLACEMENT).hasSameHashCodeAs(PLACEMENT);
        assertThat(VniPlacement.builder().port(ESX1, VM1).build()).isNotEqualTo(VniPlacement.builder().port(ESX1, VM1, IP1).build());
    }
}
