package org.netweave.manager.southbound;

import java.io.Closeable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs a task after it was woken, once for any number of wakes that came while it
 * ran: what a level-triggered reconciler needs (it reads the whole desired state each round, so a
 * round after the last wake sees every change). A failed round (a controller briefly without a
 * master) is logged and runs again a second later, or sooner if woken.
 */
public final class CoalescingWorker implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescingWorker.class);
    private static final long RETRY_MS = 1_000;

    private final String name;
    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean closed;

    public CoalescingWorker(String name, Runnable task) {
        this.name = name;
        this.task = task;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    }

    public CoalescingWorker start() {
        thread.start();
        return this;
    }

    public void wake() {
        pending.set(true);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void loop() {
        while (!closed) {
            synchronized (lock) {
                while (!pending.get() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            pending.set(false);
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("{}: a round failed, retrying in {} ms: {}", name, RETRY_MS, e.toString());
                    pending.set(true);
                    synchronized (lock) {
                        try {
                            lock.wait(RETRY_MS);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** Stops the thread and waits (at most 10 s) for a round under way to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        synchronized (lock) {
            lock.notifyAll();
        }
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
