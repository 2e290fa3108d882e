package org.netweave.controller.runtime;

import org.netweave.model.InvalidValueException;

/**
 * The id a controller node gives one host channel stream when the host says hello (NSX's
 * Connection-ID column). Ids are local to a node and a stream: after a reconnect or a failover
 * the same host has a new one, which is why comparable snapshots name hosts, never connections.
 */
public record ConnectionId(int value) implements Comparable<ConnectionId> {
    public ConnectionId {
        if (value <= 0) {
            throw new InvalidValueException("connectionId", value, "must be greater than 0");
        }
    }

    public static ConnectionId of(int value) {
        return new ConnectionId(value);
    }

    @Override
    public int compareTo(ConnectionId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
