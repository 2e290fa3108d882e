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
 * <p>By default the operating system picks them (ephemeral ports). With the system property
 * {@value #RANGE_PROPERTY} set to {@code low-high} they come from that range instead: for a
 * firewall that opens a known range, and for processes on one machine that each start embedded
 * controllers at the same time (test JVMs side by side), which the operating system's choice does
 * not keep apart — a port is free when it is handed out and bound only later.
 *
 * <p>Thread-safe.
 */
public final class FreePorts {
    public static final String RANGE_PROPERTY = "netweave.embedded.ports";

    private final InetAddress address;
    private final Set<Integer> handedOut = new HashSet<>();
    private final int low;
    private final int high;
    private int next;

    public FreePorts(InetAddress address) {
        this.address = address;
        String range = System.getProperty(RANGE_PROPERTY, "");
        if (range.isBlank()) {
            low = 0;
            high = 0;
        } else {
            String[] bounds = range.strip().split("-", 2);
            try {
                low = Integer.parseInt(bounds[0].strip());
                high = Integer.parseInt(bounds[1].strip());
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(RANGE_PROPERTY + " must be low-high, not '" + range + "'", e);
            }
            if (low < 1024 || high > 65535 || low > high) {
                throw new IllegalArgumentException(RANGE_PROPERTY + " must lie within 1024-65535, low first: " + range);
            }
        }
        // A random start: JVMs that run one after the other in the same range do not reuse the
        // ports the last one may have left in TIME_WAIT.
        next = low == 0 ? 0 : low + java.util.concurrent.ThreadLocalRandom.current().nextInt(high - low + 1);
    }

    /** {@code count} different free ports. */
    public synchronized List<Integer> take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            int misses = 0;
            // Held open together, the sockets are sure to get different ports; one handed out
            // before is held too (so it is not offered again) and skipped.
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                if (low == 0) {
                    socket.bind(new InetSocketAddress(address, 0), 1);
                } else if (!bindInRange(socket)) {
                    if (++misses > high - low) {
                        throw new IOException("every port of " + RANGE_PROPERTY + " " + low + "-" + high + " is taken");
                    }
                    continue;
                }
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

    /** Binds the next port of the range that is free; false when it was taken (the socket stays unbound). */
    private boolean bindInRange(ServerSocket socket) throws IOException {
        for (int tried = 0; tried <= high - low; tried++) {
            int port = next;
            next = next == high ? low : next + 1;
            if (handedOut.contains(port)) {
                continue;
            }
            try {
                socket.bind(new InetSocketAddress(address, port), 1);
                return true;
            } catch (IOException taken) {
                // In use by someone else: the next one. A socket that failed to bind cannot bind again.
                return false;
            }
        }
        throw new IOException("every port of " + RANGE_PROPERTY + " " + low + "-" + high + " is taken");
    }
}
