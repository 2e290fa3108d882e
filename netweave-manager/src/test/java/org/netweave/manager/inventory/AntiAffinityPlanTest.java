package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.inventory.AntiAffinityPlan.HostFacts;
import org.netweave.manager.inventory.AntiAffinityPlan.Member;
import org.netweave.manager.inventory.AntiAffinityPlan.Move;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

class AntiAffinityPlanTest {
    private static final ClusterId C1 = ClusterId.of("domain-c1");
    private static final ClusterId C2 = ClusterId.of("domain-c2");
    private static final VmId A = VmId.of("vm-1");
    private static final VmId B = VmId.of("vm-2");
    private static final VmId C = VmId.of("vm-3");

    private static HostId host(int n) {
        return HostId.of("host-" + n);
    }

    private static Map<HostId, HostFacts> hosts(HostFacts... facts) {
        Map<HostId, HostFacts> map = new HashMap<>();
        for (HostFacts f : facts) {
            map.put(f.id(), f);
        }
        return map;
    }

    private static Member running(VmId vm, VmId... partners) {
        return new Member(vm, true, Set.of(partners));
    }

    @Test
    void membersApartAlreadyStayWhereTheyAre() {
        var moves = AntiAffinityPlan.plan(List.of(running(A), running(B)), Map.of(A, host(1), B, host(2)),
                hosts(new HostFacts(host(1), C1, true, true, 1), new HostFacts(host(2), C1, true, true, 1)), Set.of());
        assertThat(moves).isEmpty();
    }

    @Test
    void theHigherIdMovesToTheLeastLoadedEligibleHostOfItsCluster() {
        var moves = AntiAffinityPlan.plan(List.of(running(B), running(A)), Map.of(A, host(1), B, host(1)),
                hosts(new HostFacts(host(1), C1, true, true, 2), new HostFacts(host(2), C1, true, true, 5),
                        new HostFacts(host(3), C1, true, true, 1), new HostFacts(host(4), C1, false, true, 0),
                        new HostFacts(host(5), C1, true, false, 0), new HostFacts(host(6), C2, true, true, 0)),
                Set.of());
        // host-4 is off, host-5 cannot take a running VM (no VMOTION), host-6 is another cluster.
        assertThat(moves).containsExactly(new Move(B, host(1), host(3)));
    }

    @Test
    void candidateClustersWidenWhereMembersMayGo() {
        var moves = AntiAffinityPlan.plan(List.of(running(A), running(B)), Map.of(A, host(1), B, host(1)),
                hosts(new HostFacts(host(1), C1, true, true, 2), new HostFacts(host(6), C2, true, true, 0)), Set.of(C1, C2));
        assertThat(moves).containsExactly(new Move(B, host(1), host(6)));
    }

    @Test
    void aPoweredOffMemberMovesColdWithoutVmotion() {
        var moves = AntiAffinityPlan.plan(List.of(running(A), new Member(B, false, Set.of())), Map.of(A, host(1), B, host(1)),
                hosts(new HostFacts(host(1), C1, true, false, 2), new HostFacts(host(2), C1, true, false, 0)), Set.of());
        assertThat(moves).containsExactly(new Move(B, host(1), host(2)));
    }

    @Test
    void threeMembersOnOneHostSpreadOverThreeHosts() {
        var moves = AntiAffinityPlan.plan(List.of(running(A), running(B), running(C)), Map.of(A, host(1), B, host(1), C, host(1)),
                hosts(new HostFacts(host(1), C1, true, true, 3), new HostFacts(host(2), C1, true, true, 0),
                        new HostFacts(host(3), C1, true, true, 0)), Set.of());
        assertThat(moves).containsExactly(new Move(B, host(1), host(2)), new Move(C, host(1), host(3)));
    }

    @Test
    void otherRulesPartnersAreAvoidedToo() {
        VmId other = VmId.of("vm-9");
        var moves = AntiAffinityPlan.plan(List.of(running(A), running(B, other)), Map.of(A, host(1), B, host(1), other, host(2)),
                hosts(new HostFacts(host(1), C1, true, true, 2), new HostFacts(host(2), C1, true, true, 1),
                        new HostFacts(host(3), C1, true, true, 4)), Set.of());
        assertThat(moves).containsExactly(new Move(B, host(1), host(3)));
    }

    @Test
    void anHaPairInAOneHostClusterIsRefusedWithTheReason() {
        assertThatThrownBy(() -> AntiAffinityPlan.plan(List.of(running(A), running(B)), Map.of(A, host(1), B, host(1)),
                hosts(new HostFacts(host(1), C1, true, true, 2), new HostFacts(host(2), C1, false, true, 0)), Set.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.body().field()).isEqualTo("vmIds");
                    assertThat(e.getMessage()).startsWith(
                            "an HA pair needs two hosts: cluster domain-c1 has only one eligible host host-1");
                });
    }

    @Test
    void aRunningMemberOnAHostWithoutVmotionCannotMove() {
        assertThatThrownBy(() -> AntiAffinityPlan.plan(List.of(running(A), running(B)), Map.of(A, host(1), B, host(1)),
                hosts(new HostFacts(host(1), C1, true, false, 2), new HostFacts(host(2), C1, true, true, 0)), Set.of()))
                .hasMessageContaining("vm-2").hasMessageContaining("no VMkernel port with VMOTION");
    }

    @Test
    void enoughHostsTakenByPartnersIsRefusedNamingThem() {
        VmId other = VmId.of("vm-9");
        assertThatThrownBy(() -> AntiAffinityPlan.plan(List.of(running(A), running(B, other)),
                Map.of(A, host(1), B, host(1), other, host(2)),
                hosts(new HostFacts(host(1), C1, true, true, 2), new HostFacts(host(2), C1, true, true, 1)), Set.of()))
                .hasMessageContaining("no eligible host is free for vm-2").hasMessageContaining("host-1, host-2");
    }
}
