package org.netweave.dataplane.emulated;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that owns a set of channels, a task queue and timers — the forwarding thread of
 * an emulated host or physical switch. Everything that touches the owner's tables runs here, so
 * the tables need no locks and the packet path takes none.
 *
 * <p>Lifecycle: {@code LATENT → STARTED → CLOSED}, each transition once.
 */
public final class EventLoop implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);

    /** Called on the loop thread when a registered channel is readable. */
    @FunctionalInterface
    public interface ReadHandler {
        void onReadable() throws IOException;
    }

    private enum State { LATENT, STARTED, CLOSED }

    private record Timer(long dueNanos, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final String name;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Runnable> roundEndHooks = new ArrayList<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final Thread thread;
    private long timerSeq;
    private volatile boolean wakeupPending;

    public EventLoop(String name) {
        this.name = name;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException(name + " already started");
        }
        thread.start();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, soon. */
    public void execute(Runnable task) {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException(name + " is closed");
        }
        tasks.add(task);
        if (state.get() == State.CLOSED && tasks.remove(task)) {
            // close() drained the queue between our check and our add: nobody would run it.
            throw new IllegalStateException(name + " is closed");
        }
        if (!wakeupPending) {
            wakeupPending = true;
            selector.wakeup();
        }
    }

    /** Runs {@code task} on the loop thread and waits for its result; runs inline if already there. */
    public <T> T call(Callable<T> task) {
        if (inLoop()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Call<T> call = new Call<>(task);
        execute(call);
        try {
            return call.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** A task whose caller waits: if the loop closes first, the caller is told instead of waiting forever. */
    private static final class Call<T> implements Runnable {
        final Callable<T> task;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Call(Callable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }

    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}. Call from the loop thread. */
    public void schedule(long delayNanos, Runnable task) {
        if (!inLoop()) {
            execute(() -> schedule(delayNanos, task));
            return;
        }
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSeq++, task));
    }

    /**
     * Runs {@code hook} on the loop thread at the end of every round — after the ready channels,
     * the tasks and the due timers, before the loop may block again. For work batched during a
     * round, such as datagrams queued for one system call, which must not wait for the next event.
     */
    public void atEndOfEachRound(Runnable hook) {
        run(() -> roundEndHooks.add(hook));
    }

    /** Registers a channel (configured non-blocking here) whose readability calls {@code handler}. */
    public void register(SelectableChannel channel, ReadHandler handler) {
        run(() -> {
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, handler);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void run() {
        while (state.get() == State.STARTED) {
            try {
                if (tasks.isEmpty()) {
                    selector.select(this::dispatch, selectTimeoutMillis());
                } else {
                    selector.selectNow(this::dispatch);
                }
                wakeupPending = false;
                runTasks();
                runTimers();
            } catch (Throwable t) {
                log.error("{}: unexpected error in the forwarding loop; it keeps running", name, t);
            } finally {
                runRoundEndHooks();
            }
        }
    }

    private void runRoundEndHooks() {
        for (Runnable hook : roundEndHooks) {
            try {
                hook.run();
            } catch (Throwable t) {
                log.error("{}: end-of-round work failed", name, t);
            }
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((ReadHandler) key.attachment()).onReadable();
        } catch (IOException e) {
            log.warn("{}: read failed: {}", name, e.toString());
        } catch (RuntimeException e) {
            // One bad packet must not starve the other channels of this round.
            log.error("{}: processing a received packet failed", name, e);
        }
    }

    private long selectTimeoutMillis() {
        Timer next = timers.peek();
        if (next == null) {
            return 0; // block until woken
        }
        long ms = (next.dueNanos - System.nanoTime()) / 1_000_000;
        return Math.max(1, ms);
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                log.error("{}: task failed", name, t);
            }
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        Timer t;
        while ((t = timers.peek()) != null && t.dueNanos <= now) {
            timers.poll();
            try {
                t.task.run();
            } catch (Throwable e) {
                log.error("{}: timer task failed", name, e);
            }
        }
    }

    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.STARTED) {
            return;
        }
        selector.wakeup();
        try {
            thread.join(5_000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("{}: closing the selector failed: {}", name, e.toString());
        }
        Runnable left;
        while ((left = tasks.poll()) != null) {
            if (left instanceof Call<?> call) {
                call.result.completeExceptionally(new IllegalStateException(name + " closed before the task ran"));
            }
        }
    }
}
