package org.netweave.controller.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports on one address, never one that an earlier call handed out. A controller that is
 * down keeps its ports for its restart, but the operating system sees them free and could give
 * them to the next controller; remembering every port handed out prevents that.
 *
 * <p>Thread-safe. A port is free when it is handed out; another process may still take it before
 * the controller binds it, which on a test machine is rare enough to accept.
 */
final class FreePorts {
    private final InetAddress address;
    private final Set<Integer> handedOut = new HashSet<>();

    FreePorts(InetAddress address) {
        this.address = address;
    }

    /** {@code count} different free ports. */
    synchronized List<Integer> take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            // Held open together, the sockets are sure to get different ports; one handed out
            // before is held too (so it is not offered again) and skipped.
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(address, 0), 1);
                if (handedOut.add(socket.getLocalPort())) {
                    ports.add(socket.getLocalPort());
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free ports on " + address.getHostAddress(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing a listening socket that never accepted does not fail in practice.
                }
            }
        }
    }
}
