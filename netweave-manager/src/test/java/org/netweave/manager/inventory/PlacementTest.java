package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.manager.inventory.Placement.Candidate;
import org.netweave.model.HostId;

class PlacementTest {
    private static final HostId H1 = HostId.of("host-1");
    private static final HostId H2 = HostId.of("host-2");
    private static final HostId H10 = HostId.of("host-10");

    @Test
    void theHostWithFewestVmsWins() {
        var hosts = List.of(new Candidate(H1, true, 3), new Candidate(H2, true, 1), new Candidate(H10, true, 2));
        assertThat(Placement.choose(hosts, Set.of())).contains(H2);
    }

    @Test
    void tiesGoToTheLowestIdInNaturalOrder() {
        var hosts = List.of(new Candidate(H10, true, 1), new Candidate(H2, true, 1));
        assertThat(Placement.choose(hosts, Set.of())).contains(H2);
    }

    @Test
    void poweredOffHostsAreNeverChosenEvenWhenEmpty() {
        var hosts = List.of(new Candidate(H1, false, 0), new Candidate(H2, true, 5));
        assertThat(Placement.choose(hosts, Set.of())).contains(H2);
    }

    @Test
    void excludedHostsAreSkippedSoAntiAffinityHolds() {
        var hosts = List.of(new Candidate(H1, true, 0), new Candidate(H2, true, 4));
        assertThat(Placement.choose(hosts, Set.of(H1))).contains(H2);
    }

    @Test
    void noHostLeftIsEmpty() {
        assertThat(Placement.choose(List.of(), Set.of())).isEmpty();
        assertThat(Placement.choose(List.of(new Candidate(H1, false, 0), new Candidate(H2, true, 0)), Set.of(H2))).isEmpty();
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheCandidates() {
        var hosts = List.of(new Candidate(H10, true, 0), new Candidate(H1, true, 2), new Candidate(H2, true, 0));
        var reversed = hosts.reversed();
        assertThat(Placement.choose(hosts, Set.of())).contains(H2);
        assertThat(Placement.choose(reversed, Set.of())).contains(H2);
    }

    // ---- the natural order of ids that breaks ties ----

    @Test
    void numbersInIdsCompareByValue() {
        List<String> ids = new ArrayList<>(List.of("host-10", "host-2", "host-1", "domain-c10", "domain-c9", "host-02"));
        ids.sort(NaturalOrder::compare);
        assertThat(ids).containsExactly("domain-c9", "domain-c10", "host-1", "host-02", "host-2", "host-10");
    }

    @Test
    void equalOnlyForEqualText() {
        assertThat(NaturalOrder.compare("host-2", "host-2")).isZero();
        assertThat(NaturalOrder.compare("host-02", "host-2")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.compare("host-02", "host-2")))
                .isEqualTo(-Integer.signum(NaturalOrder.compare("host-2", "host-02")));
        assertThat(NaturalOrder.compare("host", "host-1")).isNegative();
    }
}
