package org.netweave.manager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClientLimitsTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final ClientLimits limits = new ClientLimits(new RateLimit(10, 3), now::get);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("token-1")).as("request %d of the burst", i + 1).isEmpty();
        }
        assertThat(limits.take("token-1")).hasValue(100_000_000L);

        now.addAndGet(50_000_000L);
        assertThat(limits.take("token-1")).as("half a request refilled").hasValue(50_000_000L);
        now.addAndGet(50_000_000L);
        assertThat(limits.take("token-1")).isEmpty();
    }

    @Test
    void eachClientHasItsOwnBucketAndAnIdleOneRefillsOnlyToItsBurst() {
        for (int i = 0; i < 3; i++) {
            limits.take("token-1");
        }
        assertThat(limits.take("127.0.0.1")).isEmpty();

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("token-1")).isEmpty();
        }
        assertThat(limits.take("token-1")).as("a minute idle is still only a burst").isPresent();
    }
}
