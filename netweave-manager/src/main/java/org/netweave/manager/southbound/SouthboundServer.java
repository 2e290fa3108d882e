package org.netweave.manager.southbound;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.netweave.pki.CallerRule;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's gRPC endpoint for host agents and control VMs: mutual TLS under the manager's
 * authority, each service open to the kind of component it serves.
 */
public final class SouthboundServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SouthboundServer.class);

    private final Server server;

    private SouthboundServer(Server server) {
        this.server = server;
    }

    /** A service of the southbound endpoint and the kinds of component that may call it. */
    public record Southbound(BindableService service, CallerRule callers) {
        public static Southbound forHosts(BindableService service) {
            return new Southbound(service, CallerRule.only(ComponentKind.HOST));
        }

        public static Southbound forControlVms(BindableService service) {
            return new Southbound(service, CallerRule.only(ComponentKind.CONTROL_VM));
        }
    }

    public static SouthboundServer start(String host, int port, TransportSecurity security, Southbound... services)
            throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port),
                        security.serverCredentials())
                .permitKeepAliveTime(5, TimeUnit.SECONDS);
        for (Southbound southbound : services) {
            builder.addService(ServerInterceptors.intercept(southbound.service(), security.callers(southbound.callers())));
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
