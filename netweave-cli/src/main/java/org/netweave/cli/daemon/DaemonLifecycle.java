package org.netweave.cli.daemon;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a daemon lives: it starts its component, says where it serves, and runs until SIGTERM or
 * Ctrl-C. The signal's hook asks the main thread to stop (interrupting a start still under way:
 * waiting for host preparation or a ZooKeeper majority can take minutes) and waits until main has
 * closed whatever started, since the JVM ends as soon as the hook returns.
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

    /** Starts, prints {@code running} once up, and blocks until a signal asks it to stop; then closes. */
    static <T extends AutoCloseable> int run(String name, PrintWriter out, Start<T> start, Function<T, String> running)
            throws Exception {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        // Whether main has begun closing: from then on it is not interrupted, or closing (which
        // waits for ZooKeeper, gRPC, Jetty) would fail half-way.
        Object lock = new Object();
        boolean[] closing = new boolean[1];
        Thread hook = Thread.ofPlatform().name(name + "-shutdown").unstarted(() -> {
            LOG.info("{}: stop requested, shutting down", name);
            stopRequested.countDown();
            synchronized (lock) {
                if (!closing[0]) {
                    main.interrupt();
                }
            }
            try {
                if (!closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("{}: still closing after {} s; exiting anyway", name, CLOSE_GRACE_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        T started = null;
        try {
            started = start.start();
            LOG.info("{} up", name);
            out.println(running.apply(started));
            out.flush();
            stopRequested.await();
            return 0;
        } catch (Exception e) {
            if (stopRequested.getCount() > 0) {
                throw e;
            }
            // The stop interrupted the start, which closed what it had started as it failed.
            LOG.info("{}: stopped while starting ({})", name, e.toString());
            return 0;
        } finally {
            synchronized (lock) {
                closing[0] = true;
                Thread.interrupted();
            }
            try {
                if (started != null) {
                    started.close();
                    LOG.info("{} stopped", name);
                }
            } catch (Exception e) {
                LOG.warn("{}: closing failed: {}", name, e.toString());
            } finally {
                closed.countDown();
                if (stopRequested.getCount() > 0) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // A signal came in between: the hook finds everything closed.
                    }
                }
            }
        }
    }
}
