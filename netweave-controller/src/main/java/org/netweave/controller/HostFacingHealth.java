package org.netweave.controller;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Checks the node's host-facing service the way a host reaches it: a TCP connection to the
 * advertised address. Two failures in a row mean hosts cannot reach the node, and the node
 * withdraws from owning slices (see {@code ServingRegistration}).
 */
final class HostFacingHealth {
    static final int FAILURES_TO_WITHDRAW = 2;

    private final InetSocketAddress address;
    private final int timeoutMs;
    private int consecutiveFailures;

    HostFacingHealth(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.timeoutMs = (int) Math.max(50, timeout.toMillis());
    }

    /** Probes once; true while the service counts as reachable. */
    boolean probe() {
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMs);
            consecutiveFailures = 0;
        } catch (IOException e) {
            consecutiveFailures++;
        }
        return consecutiveFailures < FAILURES_TO_WITHDRAW;
    }
}
