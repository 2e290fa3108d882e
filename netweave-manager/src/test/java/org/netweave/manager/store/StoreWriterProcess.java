package org.netweave.manager.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes to a manager store in a process of its own, one write after another, printing the
 * generation of each as soon as the write returns (that is, once it is acknowledged), until
 * killed. Each write deletes the row the last one inserted and inserts its own. Argument: the data
 * directory.
 */
public final class StoreWriterProcess {
    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        Store store = new Store(Database.h2File(Path.of(args[0])));
        long openedAt = store.generation();
        List<String> kept = store.read(handle -> handle.createQuery(
                "SELECT prefix FROM id_sequence WHERE prefix LIKE 'durability-%'").mapTo(String.class).list());
        String rows = String.join(",", kept);
        System.out.println("OPEN " + openedAt + " " + rows);
        // Readers beside the writer, as the manager's API and host services read while it writes.
        for (int i = 0; i < 3; i++) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    store.read(handle -> handle.createQuery("SELECT count(*) FROM id_sequence").mapTo(Long.class).one());
                }
            });
        }
        while (true) {
            // Each write replaces the one row it keeps: a store that came back older holds another.
            Store.Written<Void> written = store.write((handle, generation) -> {
                handle.createUpdate("DELETE FROM id_sequence WHERE prefix LIKE 'durability-%'").execute();
                handle.createUpdate("INSERT INTO id_sequence (prefix, next_value) VALUES (:p, :g)")
                        .bind("p", "durability-" + generation).bind("g", generation).execute();
                return null;
            });
            System.out.println("ACK " + written.generation());
        }
    }
}
