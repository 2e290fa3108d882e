package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.netweave.hostagent.HostDiff.SessionAction;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** The steps from installed to desired: session actions, DLR joins and leaves, and what is installed afterwards. */
class HostDiffTest {
    private static final Ipv4Address VTEP = Ipv4Address.of(0xAC1F010B);
    private static final List<ControllerAddress> ONE = List.of(ControllerAddress.of("127.0.0.1:7001"));
    private static final List<ControllerAddress> THREE = List.of(ControllerAddress.of("127.0.0.1:7001"),
            ControllerAddress.of("127.0.0.1:7002"), ControllerAddress.of("127.0.0.1:7003"));

    private static HostDesiredState desired(Optional<Ipv4Address> vtep, List<ControllerAddress> controllers, String... dlrs) {
        return new HostDesiredState(HostId.of("host-1"), 1, vtep, MacAddress.ZERO, controllers, new TreeMap<>(),
                dlrs(dlrs), List.of());
    }

    private static SortedSet<DlrId> dlrs(String... ids) {
        SortedSet<DlrId> set = new TreeSet<>();
        for (String id : ids) {
            set.add(DlrId.of(id));
        }
        return set;
    }

    private static InstalledState installed(List<ControllerAddress> controllers, String... dlrs) {
        return new InstalledState(Optional.of(new SessionTarget(VTEP, controllers)), dlrs(dlrs));
    }

    @Test
    void theFirstConfigurationWithAVtepAndControllersOpensTheSessionAndJoinsEveryDlr() {
        HostDiff diff = HostDiff.between(InstalledState.EMPTY, desired(Optional.of(VTEP), ONE, "edge-1", "edge-2"));

        assertThat(diff.session()).isEqualTo(SessionAction.OPEN);
        assertThat(diff.target()).contains(new SessionTarget(VTEP, ONE));
        assertThat(diff.join()).isEqualTo(dlrs("edge-1", "edge-2"));
        assertThat(diff.leave()).isEmpty();
        assertThat(diff.carriedOut(InstalledState.EMPTY)).isEqualTo(installed(ONE, "edge-1", "edge-2"));
    }

    @Test
    void beforeHostPreparationNothingHappensAndDlrsWait() {
        HostDiff diff = HostDiff.between(InstalledState.EMPTY, desired(Optional.empty(), ONE, "edge-1"));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.carriedOut(InstalledState.EMPTY)).isEqualTo(InstalledState.EMPTY);
    }

    @Test
    void onTheSameSessionOnlyTheDifferenceIsJoinedAndLeft() {
        InstalledState before = installed(ONE, "edge-1", "edge-2");
        HostDiff diff = HostDiff.between(before, desired(Optional.of(VTEP), ONE, "edge-2", "edge-3"));

        assertThat(diff.session()).isEqualTo(SessionAction.KEEP);
        assertThat(diff.join()).isEqualTo(dlrs("edge-3"));
        assertThat(diff.leave()).isEqualTo(dlrs("edge-1"));
        assertThat(diff.carriedOut(before)).isEqualTo(installed(ONE, "edge-2", "edge-3"));
    }

    @Test
    void anUnchangedConfigurationIsAnEmptyDiff() {
        assertThat(HostDiff.between(installed(ONE, "edge-1"), desired(Optional.of(VTEP), ONE, "edge-1")).isEmpty()).isTrue();
    }

    @Test
    void aNewControllerListOrVtepReplacesTheSessionAndJoinsEverythingOnTheNewOne() {
        InstalledState before = installed(ONE, "edge-1", "edge-2");

        HostDiff grown = HostDiff.between(before, desired(Optional.of(VTEP), THREE, "edge-2"));
        HostDiff moved = HostDiff.between(before, desired(Optional.of(Ipv4Address.of(0xAC1F020B)), ONE, "edge-2"));

        assertThat(grown.session()).isEqualTo(SessionAction.REPLACE);
        assertThat(grown.join()).isEqualTo(dlrs("edge-2"));
        assertThat(grown.leave()).as("the old session takes its joins with it").isEmpty();
        assertThat(grown.carriedOut(before)).isEqualTo(installed(THREE, "edge-2"));
        assertThat(moved.session()).isEqualTo(SessionAction.REPLACE);
        assertThat(moved.target().orElseThrow().vtep()).isEqualTo(Ipv4Address.of(0xAC1F020B));
    }

    @Test
    void losingTheVtepOrEveryControllerClosesTheSession() {
        InstalledState before = installed(ONE, "edge-1");

        HostDiff unprepared = HostDiff.between(before, desired(Optional.empty(), ONE, "edge-1"));
        HostDiff noControllers = HostDiff.between(before, desired(Optional.of(VTEP), List.of(), "edge-1"));

        assertThat(unprepared.session()).isEqualTo(SessionAction.CLOSE);
        assertThat(noControllers.session()).isEqualTo(SessionAction.CLOSE);
        assertThat(unprepared.carriedOut(before)).isEqualTo(InstalledState.EMPTY);
    }

    @Test
    void carryingOutADiffReachesTheDesiredStateAndTheNextDiffIsEmpty() {
        String[] pool = {"edge-0", "edge-1", "edge-2", "edge-3", "edge-4", "edge-5"};
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 6),
                        lists().of(integers().between(0, 5)).ofSizeBetween(0, 6),
                        integers().between(0, 3))
                .checkAssert((installedPicks, desiredPicks, shape) -> {
                    InstalledState before = shape == 0 ? InstalledState.EMPTY
                            : installed(shape == 1 ? ONE : THREE, installedPicks.stream().map(i -> pool[i]).toArray(String[]::new));
                    HostDesiredState desired = desired(shape == 3 ? Optional.empty() : Optional.of(VTEP), THREE,
                            desiredPicks.stream().map(i -> pool[i]).toArray(String[]::new));

                    HostDiff diff = HostDiff.between(before, desired);
                    InstalledState after = diff.carriedOut(before);

                    assertThat(after.session()).isEqualTo(desired.sessionTarget());
                    assertThat(after.dlrs()).isEqualTo(desired.sessionTarget().isPresent() ? desired.dlrs() : Set.of());
                    assertThat(HostDiff.between(after, desired).isEmpty()).isTrue();
                    if (diff.session() == SessionAction.KEEP) {
                        assertThat(Collections.disjoint(diff.join(), before.dlrs())).isTrue();
                        assertThat(before.dlrs()).containsAll(diff.leave());
                    }
                });
    }
}
