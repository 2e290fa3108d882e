package org.netweave.manager.auth;

import org.netweave.model.InvalidValueException;

/**
 * How many requests one client may make: {@code perSecond} on average, {@code burst} at once. A
 * client is its token, or its address when it has none (so guessing tokens is throttled too).
 */
public record RateLimit(int perSecond, int burst) {
    /** Far above what an operator or a script needs, low enough that one client cannot starve the others. */
    public static final RateLimit DEFAULT = new RateLimit(500, 1_000);
    /** No limit: for benchmarks that measure the manager, not its limiter. */
    public static final RateLimit UNLIMITED = new RateLimit(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public RateLimit {
        if (perSecond < 1) {
            throw new InvalidValueException("perSecond", perSecond, "must be at least 1");
        }
        if (burst < 1) {
            throw new InvalidValueException("burst", burst, "must be at least 1");
        }
    }
}
