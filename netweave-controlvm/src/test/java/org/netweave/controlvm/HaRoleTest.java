package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.netweave.proto.manager.v1.HaBeat;

class HaRoleTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration DEAD = Duration.ofSeconds(15);

    private static HaBeat beat(String vm, boolean active, long term) {
        return HaBeat.newBuilder().setVmId(vm).setActive(active).setTerm(term).build();
    }

    @Test
    void aStandbyThatHearsItsActivePeerStaysStandby() {
        HaRole standby = HaRole.initial("vm-2", false, T0, DEAD);
        for (int s = 3; s <= 60; s += 3) {
            standby = standby.heard(beat("vm-1", true, 1), T0.plusSeconds(s)).tick(T0.plusSeconds(s));
        }
        assertThat(standby.active()).isFalse();
    }

    @Test
    void aStandbyTakesOverAfterTheDeadTimeOfSilenceWithTheNextTerm() {
        HaRole standby = HaRole.initial("vm-2", false, T0, DEAD).heard(beat("vm-1", true, 1), T0.plusSeconds(3));
        assertThat(standby.tick(T0.plusSeconds(17)).active()).isFalse();
        HaRole took = standby.tick(T0.plusSeconds(18));
        assertThat(took.active()).isTrue();
        assertThat(took.term()).isEqualTo(2);
    }

    @Test
    void anOldActiveThatComesBackStepsDownToTheHigherTerm() {
        HaRole old = HaRole.initial("vm-1", true, T0, DEAD);
        HaRole after = old.heard(beat("vm-2", true, 2), T0.plusSeconds(40));
        assertThat(after.active()).isFalse();
        assertThat(after.term()).isEqualTo(2);
        HaRole winner = new HaRole("vm-2", true, 2, T0, DEAD).heard(beat("vm-1", true, 1), T0);
        assertThat(winner.active()).isTrue();
    }

    @Test
    void twoActivesOfOneTermKeepTheLowerVmId() {
        assertThat(HaRole.initial("vm-1", true, T0, DEAD).heard(beat("vm-2", true, 1), T0).active()).isTrue();
        assertThat(HaRole.initial("vm-2", true, T0, DEAD).heard(beat("vm-1", true, 1), T0).active()).isFalse();
    }

    @Test
    void twoStandbysDoNotWaitForEachOtherTheLowerVmIdTakesOver() {
        HaRole a = HaRole.initial("vm-1", false, T0, DEAD).heard(beat("vm-2", false, 1), T0.plusSeconds(1));
        assertThat(a.active()).isTrue();
        assertThat(a.term()).isEqualTo(2);
        HaRole b = HaRole.initial("vm-2", false, T0, DEAD).heard(beat("vm-1", false, 1), T0.plusSeconds(1));
        assertThat(b.active()).isFalse();
        assertThat(b.lastHeard()).as("a standby peer does not reset the dead-time clock").isEqualTo(T0);
    }

    @Test
    void anActiveNeverStepsDownForSilence() {
        assertThat(HaRole.initial("vm-1", true, T0, DEAD).tick(T0.plusSeconds(3600)).active()).isTrue();
    }
}
