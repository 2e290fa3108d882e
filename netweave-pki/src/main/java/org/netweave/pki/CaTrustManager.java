package org.netweave.pki;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly the certificates the Netweave authority signed, names a component in, and has not
 * revoked — on both ends of a connection. There is no host name check: a controller or host is
 * known by the identity its certificate carries, not by the address it was reached at (addresses
 * move with VMs and NAT; the authority does not).
 */
final class CaTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager pkix;
    private final X509Certificate authority;
    private final Revocations revocations;
    private final Optional<ComponentKind> serverKind;
    private final List<X509Certificate> members;

    /** @param serverKind on a client, the kind of component it means to reach; a server of another kind is refused */
    CaTrustManager(X509Certificate authority, Revocations revocations, Optional<ComponentKind> serverKind) {
        this(authority, revocations, serverKind, List.of());
    }

    /**
     * @param members when not empty, the only certificates accepted on the other end, whichever
     *     end this is: a closed group such as a ZooKeeper ensemble ({@link PeerGroupTls})
     */
    CaTrustManager(X509Certificate authority, Revocations revocations, Optional<ComponentKind> serverKind,
                   List<X509Certificate> members) {
        this.authority = authority;
        this.revocations = revocations;
        this.serverKind = serverKind;
        this.members = List.copyOf(members);
        try {
            KeyStore roots = KeyStore.getInstance("PKCS12");
            roots.load(null, null);
            roots.setCertificateEntry("netweave-ca", authority);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(roots);
            X509TrustManager found = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    found = x509;
                }
            }
            if (found == null) {
                throw new IllegalStateException("the JVM's PKIX trust manager factory made no X.509 trust manager");
            }
            this.pkix = found;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the Netweave authority", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        checkComponent(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        checkComponent(chain[0]);
        Optional<ComponentIdentity> server = ComponentIdentity.of(chain[0]);
        if (serverKind.isPresent() && server.map(ComponentIdentity::kind).filter(serverKind.get()::equals).isEmpty()) {
            // A host the authority signed is still not a controller: it cannot pose as one.
            throw new CertificateException("expected a " + serverKind.get().label() + ", reached "
                    + server.map(Object::toString).orElse("an unknown component"));
        }
    }

    // The socket and engine variants skip the JDK's host name check on purpose (see above).

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {authority};
    }

    private void checkComponent(X509Certificate peer) throws CertificateException {
        if (revocations.isRevoked(peer)) {
            throw new CertificateException("certificate " + peer.getSerialNumber().toString(16) + " of "
                    + ComponentIdentity.of(peer).map(Object::toString).orElse("an unknown holder") + " was revoked");
        }
        if (ComponentIdentity.of(peer).isEmpty()) {
            throw new CertificateException("certificate " + peer.getSerialNumber().toString(16)
                    + " names no Netweave component");
        }
        if (!members.isEmpty() && !members.contains(peer)) {
            throw new CertificateException("certificate " + peer.getSerialNumber().toString(16) + " of "
                    + ComponentIdentity.of(peer).orElseThrow() + " is not one of the group's " + members.size()
                    + " members");
        }
    }
}
