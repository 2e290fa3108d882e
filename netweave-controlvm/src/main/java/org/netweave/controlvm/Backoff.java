package org.netweave.controlvm;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts: reconnecting to the manager, and pushing again after no
 * controller applied a table. Each wait doubles up to {@code max}.
 */
public record Backoff(Duration initial, Duration max) {
    /** Quick enough after a manager restart, sparse enough while it stays down. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait after {@code previous}. */
    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
