package org.netweave.controller.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One table of a VNI (VTEPs, MACs or ARP bindings): rows by key, plus an index of the keys each
 * connection owns, so a leaving connection costs its own rows rather than a scan of the table, and
 * a key that moved to another connection is no longer in the old one's index.
 */
final class OwnedRows<K, R> {
    private final Function<R, K> key;
    private final Function<R, ConnectionId> owner;
    private final Map<K, R> rows = new HashMap<>();
    private final Map<ConnectionId, Set<K>> byOwner = new HashMap<>();

    OwnedRows(Function<R, K> key, Function<R, ConnectionId> owner) {
        this.key = key;
        this.owner = owner;
    }

    R get(K k) {
        return rows.get(k);
    }

    /** Stores the row under its key, taking the key from its previous owner; returns the previous row. */
    R put(R row) {
        K k = key.apply(row);
        R old = rows.put(k, row);
        if (old != null) {
            disown(owner.apply(old), k);
        }
        byOwner.computeIfAbsent(owner.apply(row), c -> new HashSet<>()).add(k);
        return old;
    }

    R remove(K k) {
        R old = rows.remove(k);
        if (old != null) {
            disown(owner.apply(old), k);
        }
        return old;
    }

    /**
     * Applies one report of {@code connection}: first the removals of keys it owns (a key that
     * moved to another connection is left alone), then the added rows that differ from what is
     * stored, last report winning. {@code touched} gets each changed key's previous row (or null)
     * before the change, so the caller can build the net delta.
     */
    void report(ConnectionId connection, List<R> added, Collection<K> removed, BiConsumer<K, R> touched) {
        for (K k : removed) {
            R row = rows.get(k);
            if (row != null && owner.apply(row).equals(connection)) {
                touched.accept(k, remove(k));
            }
        }
        for (R row : added) {
            K k = key.apply(row);
            R old = rows.get(k);
            if (!row.equals(old)) {
                touched.accept(k, old);
                put(row);
            }
        }
    }

    /** The keys {@code connection} owns now, copied so the caller may remove them while iterating. */
    List<K> ownedBy(ConnectionId connection) {
        return List.copyOf(byOwner.getOrDefault(connection, Set.of()));
    }

    Map<K, R> view() {
        return Collections.unmodifiableMap(rows);
    }

    private void disown(ConnectionId connection, K k) {
        Set<K> keys = byOwner.get(connection);
        keys.remove(k);
        if (keys.isEmpty()) {
            byOwner.remove(connection);
        }
    }
}
