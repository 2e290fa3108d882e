package org.netweave.cli.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.netweave.model.InvalidValueException;
import org.netweave.pki.Revocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a daemon's copy of the authority's revocations again now and then: a serial that appears
 * there is refused from the next handshake on, and the streams its holder keeps open are closed
 * (the servers listen to {@link Revocations#onRevoked}).
 */
final class RevocationsReload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationsReload.class);
    private final ScheduledExecutorService timer;

    private RevocationsReload(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static RevocationsReload every(Revocations revocations, Duration interval, String daemon) {
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidValueException("revocations-reload", interval, "must be positive");
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("revocations-reload").daemon().factory());
        revocations.onRevoked(serial -> LOG.atWarn().setMessage("{}: certificate {} is revoked; refused from now on")
                .addArgument(daemon).addArgument(serial.toString(16)).addKeyValue("event", "certificate-revoked")
                .addKeyValue("serial", serial.toString(16)).log());
        timer.scheduleWithFixedDelay(() -> {
            try {
                revocations.reload();
            } catch (RuntimeException e) {
                // A half-copied or broken file: keep what was read before and say so.
                LOG.warn("{}: cannot read the revocations again: {}", daemon, e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new RevocationsReload(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
