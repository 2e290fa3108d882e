package org.netweave.manager.auth;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds up to {@code burst} requests and refills at
 * {@code perSecond}. Buckets of clients idle long enough to be full again are dropped once there
 * are many, so a stream of new addresses cannot grow the map without bound.
 */
final class ClientLimits {
    private static final int TIDY_ABOVE = 4_096;

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientLimits(RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from {@code client}'s bucket: empty if it may go on, else how many nanoseconds until it may. */
    OptionalLong take(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now, limit));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), now)).take(now, limit);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized OptionalLong take(long now, RateLimit limit) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * limit.perSecond() / 1e9);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - tokens) * 1e9 / limit.perSecond()));
        }

        synchronized boolean fullAt(long now, RateLimit limit) {
            return tokens + (now - refilledAt) * limit.perSecond() / 1e9 >= limit.burst();
        }
    }
}
