package org.netweave.cli.daemon;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a daemon lives: it starts its component, says where it serves, and runs until SIGTERM or
 * Ctrl-C, which close the component before the JVM ends. A stop during start is honoured once the
 * start returns; what started is closed then.
 */
final class DaemonLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonLifecycle.class);
    private static final long CLOSE_GRACE_SECONDS = 30;

    /** What a daemon starts: returns the running component. */
    interface Start<T extends AutoCloseable> {
        T start() throws Exception;
    }

    private DaemonLifecycle() {
    }

    /** Starts, prints {@code running} once up, and blocks until a signal has closed the component. */
    static <T extends AutoCloseable> int run(String name, PrintWriter out, Start<T> start, Function<T, String> running)
            throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Object lock = new Object();
        AutoCloseable[] component = new AutoCloseable[1];
        boolean[] stopping = new boolean[1];
        Thread hook = Thread.ofPlatform().name(name + "-shutdown").unstarted(() -> {
            LOG.info("{}: stop requested, shutting down", name);
            synchronized (lock) {
                stopping[0] = true;
                if (component[0] == null) {
                    // Still starting: main closes what it started when the start returns.
                    return;
                }
            }
            closeQuietly(name, component[0]);
            closed.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        T started = start.start();
        synchronized (lock) {
            if (stopping[0]) {
                closeQuietly(name, started);
                return 0;
            }
            component[0] = started;
        }
        LOG.info("{} up", name);
        out.println(running.apply(started));
        out.flush();
        // The hook closes the component and the JVM ends with it; this thread only waits.
        while (!closed.await(1, TimeUnit.HOURS)) {
            LOG.debug("{} still running", name);
        }
        return 0;
    }

    private static void closeQuietly(String name, AutoCloseable component) {
        Thread closer = Thread.ofPlatform().name(name + "-close").start(() -> {
            try {
                component.close();
                LOG.info("{} stopped", name);
            } catch (Exception e) {
                LOG.warn("{}: closing failed: {}", name, e.toString());
            }
        });
        try {
            if (!closer.join(java.time.Duration.ofSeconds(CLOSE_GRACE_SECONDS))) {
                LOG.warn("{}: still closing after {} s; exiting anyway", name, CLOSE_GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
