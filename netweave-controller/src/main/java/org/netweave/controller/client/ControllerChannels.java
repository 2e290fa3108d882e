package org.netweave.controller.client;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;

/**
 * One gRPC channel per controller address, shared by the sessions of a process, secured as the
 * process is: mutual TLS with its own certificate, or plaintext in tests of controllers alone.
 */
public final class ControllerChannels implements Closeable {
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final TransportSecurity security;

    public ControllerChannels(TransportSecurity security) {
        this.security = security;
    }

    /** Plaintext: for tests whose controllers run without TLS. */
    public ControllerChannels() {
        this(TransportSecurity.plaintext());
    }

    public ManagedChannel channel(String address) {
        return channels.computeIfAbsent(address,
                target -> Grpc.newChannelBuilder(target, security.channelCredentials(ComponentKind.CONTROLLER)).build());
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : channels.values()) {
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
