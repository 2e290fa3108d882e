package org.netweave.controller.zk;

import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.zookeeper.server.auth.ProviderRegistry;
import org.apache.zookeeper.server.auth.X509AuthenticationProvider;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerGroupTls;

/**
 * The server half of {@link ZkSecurity.Tls}, which ZooKeeper keeps per JVM: it reads its TLS
 * settings from system properties and makes the objects that carry them (a quorum context
 * supplier, a client port authentication provider) by class name with no arguments. So the
 * certificate lives here, in one place per JVM, and those two classes hand it to ZooKeeper.
 *
 * <p>One certificate per JVM: a controller in a process of its own has one ZooKeeper peer and
 * presents its own certificate; the embedded cluster's peers share their JVM and present the one
 * certificate the manager issued to the embedded ensemble. A JVM runs one ensemble at a time (an
 * install replaces the certificate of the client port for every peer of the JVM, while a running
 * peer keeps the quorum context it already made).
 */
public final class ZkServerTls {
    /** The authentication scheme of the client port, in ZooKeeper's provider registry. */
    static final String SCHEME = "netweave";

    private static final AtomicReference<PeerGroupTls> INSTALLED = new AtomicReference<>();

    private ZkServerTls() {
    }

    /** Makes {@code tls} what this JVM's ZooKeeper peers present and demand from now on. */
    static void install(PeerGroupTls tls) {
        INSTALLED.set(tls);
        // Registered now as well as from the property: each peer's start reads the properties
        // into the registry again, but a provider registered earlier with another certificate
        // (an ensemble earlier in this JVM) must not serve a connection that comes before that.
        String property = ProviderRegistry.AUTHPROVIDER_PROPERTY_PREFIX + SCHEME;
        System.setProperty(property, ClientPortTrust.class.getName());
        ProviderRegistry.addOrUpdateProvider(property);
    }

    private static PeerGroupTls installed() {
        PeerGroupTls tls = INSTALLED.get();
        if (tls == null) {
            // Fails closed: no certificate, no TLS context, no connection.
            throw new IllegalStateException("ZooKeeper TLS was asked for before a certificate was installed");
        }
        return tls;
    }

    /** Quorum and election links: ZooKeeper asks it for its context ({@code ssl.quorum.context.supplier.class}). */
    public static final class QuorumContext implements Supplier<SSLContext> {
        @Override
        public SSLContext get() {
            return installed().sslContext();
        }
    }

    /**
     * The client port: its key and trust come from here ({@code ssl.authProvider}), and a session
     * is known by the component its certificate names rather than by the certificate's subject.
     */
    public static final class ClientPortTrust extends X509AuthenticationProvider {
        public ClientPortTrust() {
            super(installed().trustManager(), installed().keyManager());
        }

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        protected String getClientId(X509Certificate clientCert) {
            return ComponentIdentity.of(clientCert).map(Object::toString).orElseGet(() -> super.getClientId(clientCert));
        }
    }
}
