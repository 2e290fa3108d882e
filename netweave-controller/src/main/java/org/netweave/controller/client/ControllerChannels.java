package org.netweave.controller.client;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

/**
 * One gRPC channel per controller address, shared by the sessions of a process. Plaintext for
 * now; mutual TLS replaces the credentials here (issue "security and reliability").
 */
public final class ControllerChannels implements Closeable {
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public ManagedChannel channel(String address) {
        return channels.computeIfAbsent(address,
                target -> Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build());
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
