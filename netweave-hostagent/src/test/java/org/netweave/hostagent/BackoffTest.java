package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Resubscribe waits: doubling, capped, the upper half random. */
class BackoffTest {
    private static final double ALMOST_ONE = Math.nextDown(1.0);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(BACKOFF.after(1, 0)).isEqualTo(Duration.ofMillis(50));
        assertThat(BACKOFF.after(1, ALMOST_ONE)).isEqualTo(Duration.ofMillis(100));
        assertThat(BACKOFF.after(2, ALMOST_ONE)).isEqualTo(Duration.ofMillis(200));
        assertThat(BACKOFF.after(7, ALMOST_ONE)).isEqualTo(Duration.ofSeconds(5));
        assertThat(BACKOFF.after(1_000, ALMOST_ONE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyWaitLiesInTheUpperHalfOfItsCeiling() {
        qt().forAll(integers().between(1, 100), doubles().between(0, ALMOST_ONE)).checkAssert((failures, random) -> {
            long ceiling = Math.min(100L << Math.min(failures - 1, 20), 5_000);
            assertThat(BACKOFF.after(failures, random).toMillis()).isBetween(ceiling / 2, ceiling);
        });
    }
}
