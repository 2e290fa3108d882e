package org.netweave.hostagent;

import java.time.Duration;

/**
 * The wait before the next attempt after consecutive failures: doubling from {@code initial} up to
 * {@code max}, with the upper half of each wait random ("equal jitter"), so the hosts that lost a
 * restarting manager together do not come back together.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff from " + initial + " to " + max);
        }
    }

    /**
     * The wait after {@code failures} consecutive failures (1 or more). Pure: the randomness
     * comes in as {@code random}, a number in [0, 1).
     */
    public Duration after(int failures, double random) {
        if (failures < 1 || random < 0 || random >= 1) {
            throw new IllegalArgumentException("failures " + failures + ", random " + random);
        }
        long ceiling = initial.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(capped - half + (long) (random * (half + 1)));
    }
}
