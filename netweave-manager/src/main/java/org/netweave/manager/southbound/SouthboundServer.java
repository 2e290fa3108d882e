package org.netweave.manager.southbound;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The manager's gRPC endpoint for host agents and control VMs. */
public final class SouthboundServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SouthboundServer.class);

    private final Server server;

    private SouthboundServer(Server server) {
        this.server = server;
    }

    public static SouthboundServer start(String host, int port, BindableService... services) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .permitKeepAliveTime(5, TimeUnit.SECONDS);
        for (BindableService service : services) {
            builder.addService(service);
        }
        Server server = builder.build().start();
        LOG.info("southbound gRPC for host agents and control VMs at {}:{}", host, server.getPort());
        return new SouthboundServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
