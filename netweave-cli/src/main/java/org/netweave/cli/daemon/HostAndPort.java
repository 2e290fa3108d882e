package org.netweave.cli.daemon;

import org.netweave.model.InvalidValueException;

/** A {@code host:port} option; the field names the option when it is not one. */
record HostAndPort(String host, int port) {

    static HostAndPort parse(String field, String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidValueException(field, text, "is not <host>:<port>");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, text, "has no port number after the last ':'");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidValueException(field, text, "has a port outside 0-65535");
        }
        return new HostAndPort(text.substring(0, colon), port);
    }
}
