package org.netweave.hostagent;

import org.netweave.model.InvalidValueException;

/**
 * The gRPC address of a controller node's host-facing service, {@code host:port}, as the manager
 * lists it in a host's configuration.
 */
public record ControllerAddress(String value) implements Comparable<ControllerAddress> {
    public ControllerAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("controllers", value, "is missing");
        }
        int colon = value.lastIndexOf(':');
        if (colon < 1 || colon == value.length() - 1 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("controllers", value, "is not a controller address (expected host:port)");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("controllers", value, "has no numeric port");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new InvalidValueException("controllers", value, "has a port outside 1-65535");
        }
    }

    public static ControllerAddress of(String value) {
        return new ControllerAddress(value);
    }

    @Override
    public int compareTo(ControllerAddress other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
