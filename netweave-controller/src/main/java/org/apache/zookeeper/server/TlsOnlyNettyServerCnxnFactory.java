package org.apache.zookeeper.server;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * ZooKeeper's Netty client port, serving TLS alone, on the client address the dynamic membership
 * names ({@code server.N=...;host:port}).
 *
 * <p>Why not {@code secureClientPort}: ZooKeeper serves the membership's client address in
 * plaintext and a secure port beside it. Netweave's membership records one client address per
 * peer, which every controller, probe and status view uses, and TLS must be the only way in; so
 * the factory behind that address is this one, which treats every configuration as secure.
 *
 * <p>Why this package: Netty's factory can only be made from inside it (its constructor is
 * package-private), and ZooKeeper instantiates the factory it is told to use by class name
 * ({@code serverCnxnFactory}).
 */
public final class TlsOnlyNettyServerCnxnFactory extends NettyServerCnxnFactory {
    public TlsOnlyNettyServerCnxnFactory() {
        super();
    }

    @Override
    public void configure(InetSocketAddress addr, int maxClientCnxns, int backlog, boolean secure) throws IOException {
        super.configure(addr, maxClientCnxns, backlog, true);
    }
}
