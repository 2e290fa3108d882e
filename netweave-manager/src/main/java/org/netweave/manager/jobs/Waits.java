package org.netweave.manager.jobs;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A job step that waits for the world (a control VM to connect, hosts to apply a generation)
 * checks the condition every 50 ms until a deadline. The conditions live in other components'
 * memory and arrive over gRPC; polling them keeps those components free of job callbacks.
 */
public final class Waits {
    private static final long PERIOD_MS = 50;

    private Waits() {
    }

    /**
     * Returns once {@code done} is true. {@code progress} gives the line the job view shows while
     * waiting, and the reason in the failure.
     *
     * @throws TimeoutException with {@code what} and the last progress line when {@code timeout} passes
     */
    public static void until(JobContext context, Duration timeout, String what, Supplier<Boolean> done,
                             Supplier<String> progress) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (!done.get()) {
            String now = progress.get();
            if (!now.equals(last)) {
                context.progress(now);
                last = now;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("gave up after " + timeout.toSeconds() + " s waiting for " + what + ": " + now);
            }
            Thread.sleep(PERIOD_MS);
        }
    }
}
