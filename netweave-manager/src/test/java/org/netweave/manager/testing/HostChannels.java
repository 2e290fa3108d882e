package org.netweave.manager.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;

/**
 * Channels to a manager's southbound port, one per host and each with that host's certificate,
 * as separate hypervisors would open them: the manager takes a host's word only for itself.
 */
public final class HostChannels implements AutoCloseable {
    private final int managerPort;
    private final Function<HostId, TransportSecurity> security;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public HostChannels(int managerPort, Function<HostId, TransportSecurity> security) {
        this.managerPort = managerPort;
        this.security = security;
    }

    public ManagedChannel of(String host) {
        return channels.computeIfAbsent(host, h -> Grpc.newChannelBuilderForAddress("127.0.0.1", managerPort,
                security.apply(HostId.of(h)).channelCredentials(ComponentKind.MANAGER)).build());
    }

    @Override
    public void close() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : channels.values()) {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
