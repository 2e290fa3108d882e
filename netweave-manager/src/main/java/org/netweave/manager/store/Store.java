package org.netweave.manager.store;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes of the desired state. A write runs in one transaction with the next
 * generation, so a write is all there or not there at all, and every row it touches can carry the
 * generation a client then waits for. Writes are serialised in this JVM: the manager's checks
 * (a name taken, a subnet overlapping) read then write, and serialising them is simpler and safer
 * than relying on each database's isolation level. There is one manager per store.
 *
 * <p>Commit listeners run after the transaction committed, on the writing thread; they must be
 * quick (hand work to their own thread).
 */
public final class Store implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /** The body of a write: it gets the transaction's handle and the generation this write stamps. */
    @FunctionalInterface
    public interface Write<T> {
        T apply(Handle handle, long generation);
    }

    @FunctionalInterface
    public interface Read<T> {
        T apply(Handle handle);
    }

    /** Told about every committed write. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(long generation);
    }

    /** What a write returns: its value and the generation it committed as. */
    public record Written<T>(T value, long generation) {
    }

    private final Database database;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    public Store(Database database) {
        this.database = database;
    }

    public <T> T read(Read<T> read) {
        return database.jdbi().withHandle(read::apply);
    }

    public <T> Written<T> write(Write<T> write) {
        Written<T> written;
        writeLock.lock();
        try {
            written = database.jdbi().inTransaction(handle -> {
                long generation = nextGeneration(handle);
                return new Written<>(write.apply(handle, generation), generation);
            });
        } finally {
            writeLock.unlock();
        }
        // Durable before anyone hears of it: a listener's work (a host's configuration) and the
        // caller's acknowledgement must not get ahead of what survives a crash.
        database.makeDurable();
        for (CommitListener listener : listeners) {
            try {
                listener.committed(written.generation());
            } catch (RuntimeException e) {
                LOG.warn("commit listener {} failed at generation {}", listener, written.generation(), e);
            }
        }
        return written;
    }

    /** The generation of the newest committed write. */
    public long generation() {
        return read(handle -> handle.createQuery("SELECT current_value FROM generation_counter WHERE id = 1")
                .mapTo(Long.class).one());
    }

    public void addCommitListener(CommitListener listener) {
        listeners.add(listener);
    }

    public void removeCommitListener(CommitListener listener) {
        listeners.remove(listener);
    }

    /**
     * The next number for an id prefix ({@code virtualwire} → 1, 2, …), taken inside the caller's
     * write so a rolled-back write gives its number back.
     */
    public static long nextId(Handle handle, String prefix) {
        int updated = handle.createUpdate("UPDATE id_sequence SET next_value = next_value + 1 WHERE prefix = :prefix")
                .bind("prefix", prefix).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO id_sequence (prefix, next_value) VALUES (:prefix, 2)")
                    .bind("prefix", prefix).execute();
            return 1;
        }
        return handle.createQuery("SELECT next_value - 1 FROM id_sequence WHERE prefix = :prefix")
                .bind("prefix", prefix).mapTo(Long.class).one();
    }

    /** {@code prefix-N} with the next N. */
    public static String nextId(Handle handle, String prefix, String separator) {
        return prefix + separator + nextId(handle, prefix);
    }

    private static long nextGeneration(Handle handle) {
        handle.createUpdate("UPDATE generation_counter SET current_value = current_value + 1 WHERE id = 1").execute();
        return handle.createQuery("SELECT current_value FROM generation_counter WHERE id = 1").mapTo(Long.class).one();
    }

    @Override
    public void close() {
        database.close();
    }
}
