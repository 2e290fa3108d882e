package org.netweave.controller.zk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.TlsOnlyNettyServerCnxnFactory;
import org.netweave.pki.PeerGroupTls;

/**
 * How the controllers' ZooKeeper protects its links: the quorum and election ports between
 * peers, and the client port the controller nodes' sessions use. ZooKeeper has a TLS
 * configuration of its own, apart from the gRPC channels; this is where Netweave's authority
 * reaches it.
 *
 * <p>{@link Tls}: every link is TLS, and each end accepts only a controller's certificate from the
 * authority ({@link PeerGroupTls}). The client port speaks TLS alone (a plaintext client gets no
 * session), quorum and election traffic too ({@code sslQuorum}). {@link Plaintext} is for tests of
 * the controllers alone, as {@code TransportSecurity.plaintext()} is for gRPC.
 */
public sealed interface ZkSecurity {

    /** Adds this to a peer's static configuration, and readies what ZooKeeper reads per JVM. */
    void configureServer(Properties properties);

    /** The configuration of a ZooKeeper client (a controller node's Curator, the admin session). */
    ZKClientConfig clientConfig();

    /** A socket to a peer's client port, handshaken, for a four-letter word. */
    Socket connect(String host, int port, Duration timeout) throws IOException;

    static ZkSecurity plaintext() {
        return new Plaintext();
    }

    /**
     * TLS with {@code tls}'s certificate on every link. The client's key and trust stores are
     * written to {@code storeDir} (0700; ZooKeeper's client reads them from files only), under a
     * password made here and kept in memory.
     */
    static ZkSecurity tls(PeerGroupTls tls, Path storeDir) throws IOException {
        Files.createDirectories(storeDir);
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwx------"));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path keyStore = storeDir.resolve("zookeeper-client.p12");
        Path trustStore = storeDir.resolve("zookeeper-trust.p12");
        tls.writeKeyStore(keyStore, password.toCharArray());
        tls.writeTrustStore(trustStore, password.toCharArray());
        return new Tls(tls, keyStore, trustStore, password);
    }

    record Plaintext() implements ZkSecurity {
        @Override
        public void configureServer(Properties properties) {
            // Said outright, not left out: ZooKeeper turns serverCnxnFactory into a JVM-wide
            // setting, and a TLS ensemble that ran earlier in this JVM left its value behind.
            properties.setProperty("sslQuorum", "false");
            properties.setProperty("serverCnxnFactory", NIOServerCnxnFactory.class.getName());
        }

        @Override
        public ZKClientConfig clientConfig() {
            return new ZKClientConfig();
        }

        @Override
        public Socket connect(String host, int port, Duration timeout) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
                socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }

    /**
     * @param tls the certificate both ends present and the rule both apply
     * @param keyStore the client's key store (PKCS#12), written from {@code tls}
     * @param trustStore the authority, as the client's trust store
     * @param password of both stores
     */
    record Tls(PeerGroupTls tls, Path keyStore, Path trustStore, String password) implements ZkSecurity {
        public Tls {
            Objects.requireNonNull(tls, "tls");
        }

        @Override
        public void configureServer(Properties properties) {
            ZkServerTls.install(tls);
            properties.setProperty("sslQuorum", "true");
            properties.setProperty("ssl.quorum.context.supplier.class", ZkServerTls.QuorumContext.class.getName());
            properties.setProperty("serverCnxnFactory", TlsOnlyNettyServerCnxnFactory.class.getName());
            properties.setProperty("ssl.authProvider", ZkServerTls.SCHEME);
            properties.setProperty("authProvider." + ZkServerTls.SCHEME, ZkServerTls.ClientPortTrust.class.getName());
        }

        @Override
        public ZKClientConfig clientConfig() {
            ZKClientConfig config = new ZKClientConfig();
            config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
            config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
            config.setProperty("zookeeper.ssl.keyStore.location", keyStore.toString());
            config.setProperty("zookeeper.ssl.keyStore.password", password);
            config.setProperty("zookeeper.ssl.keyStore.type", "PKCS12");
            config.setProperty("zookeeper.ssl.trustStore.location", trustStore.toString());
            config.setProperty("zookeeper.ssl.trustStore.password", password);
            config.setProperty("zookeeper.ssl.trustStore.type", "PKCS12");
            // A controller is known by its certificate, not by the address it answers on (the
            // certificates name components, not hosts), as on every gRPC link.
            config.setProperty("zookeeper.ssl.hostnameVerification", "false");
            return config;
        }

        @Override
        public Socket connect(String host, int port, Duration timeout) throws IOException {
            Socket plain = new Plaintext().connect(host, port, timeout);
            try {
                SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory().createSocket(plain, host, port, true);
                socket.startHandshake();
                return socket;
            } catch (IOException e) {
                plain.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            // Not the password.
            return "Tls[" + tls.own().identity() + ", stores in " + keyStore.getParent() + "]";
        }
    }
}
