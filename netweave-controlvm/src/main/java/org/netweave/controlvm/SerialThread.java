package org.netweave.controlvm;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual thread that runs a part's tasks in order, so the part's state needs no locks. Every
 * task runs inside the control VM's lifetime context: once that is cancelled, any gRPC call a task
 * makes fails at once instead of waiting on a manager or a controller. Tasks handed in after
 * {@link #shutdown()} are dropped, as the control VM is closing.
 */
final class SerialThread {
    private static final Logger LOG = LoggerFactory.getLogger(SerialThread.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Context lifetime;

    SerialThread(String name, Context lifetime) {
        this.executor = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name(name).factory());
        this.lifetime = lifetime;
    }

    void execute(Runnable task) {
        try {
            executor.execute(lifetime.wrap(logged(task)));
        } catch (RejectedExecutionException e) {
            // Closing: nothing runs any more.
        }
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(lifetime.wrap(logged(task)), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: nothing runs any more.
        }
    }

    /**
     * Runs no new tasks and drops the queued ones; the running task finishes. Not shutdownNow():
     * an interrupted thread inside ControllerWriter's retry loop would spin without parking until
     * the write deadline, while the cancelled lifetime context already makes each of its calls fail.
     */
    void shutdown() {
        executor.shutdown();
        executor.getQueue().clear();
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The executor keeps a task's exception in a future nobody reads; a bug must not vanish there. */
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A control VM task failed", e);
            }
        };
    }
}
