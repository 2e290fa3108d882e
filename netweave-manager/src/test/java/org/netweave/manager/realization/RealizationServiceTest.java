package org.netweave.manager.realization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;

class RealizationServiceTest {
    private static final HostId A = HostId.of("host-1");
    private static final HostId B = HostId.of("host-2");

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anObjectIsRealizedOnAHostOnceTheConfigurationsAreComputedPastItAndTheHostAppliedItsLastChange() {
        RealizationService service = new RealizationService();
        service.configChanged(A, 10);
        service.configChanged(B, 10);
        service.computedUpTo(10);
        service.reportApplied(A, 10);

        assertThat(service.of(10, List.of(A, B)).state()).isEqualTo(RealizationState.IN_PROGRESS);
        assertThat(service.of(10, List.of(A)).state()).isEqualTo(RealizationState.REALIZED);

        // A write at 12 that changed nothing on host-1 needs nothing from it once computed.
        assertThat(service.isRealized(A, 12)).isFalse();
        service.computedUpTo(12);
        assertThat(service.isRealized(A, 12)).isTrue();

        // A write at 13 that changed host-1's configuration waits for host-1 to apply it.
        service.configChanged(A, 13);
        service.computedUpTo(13);
        assertThat(service.isRealized(A, 13)).isFalse();
        service.reportApplied(A, 13);
        assertThat(service.of(13, List.of(A)).hosts()).singleElement()
                .satisfies(host -> assertThat(host.appliedGeneration()).isEqualTo(13));
    }

    @Test
    void aHostThatNeverGotAConfigurationIsNotRealized() {
        RealizationService service = new RealizationService();
        service.computedUpTo(50);
        service.reportApplied(A, 50);
        assertThat(service.isRealized(A, 1)).isFalse();
    }

    @Test
    void rightAfterStartEveryHostIsExpectedThenOnlyConnectedOnes() {
        MovableClock clock = new MovableClock();
        RealizationService service = new RealizationService(clock);
        service.connected(A, true);
        assertThat(service.expected(List.of(A, B))).containsExactly(A, B);
        clock.now = clock.now.plus(RealizationService.RECONNECT_GRACE).plus(Duration.ofMillis(1));
        assertThat(service.expected(List.of(A, B))).containsExactly(A);
    }
}
