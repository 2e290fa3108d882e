package org.netweave.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;

/** A component's key and certificate, and the authority that signed it (which it trusts). */
public record Credentials(ComponentIdentity identity, PrivateKey key, X509Certificate certificate,
                          X509Certificate authority) {

    /** Key managers that present this certificate (with the authority's) in a handshake. */
    public KeyManager[] keyManagers() {
        return new KeyManager[] {keyManager()};
    }

    /** The key manager that presents this certificate (with the authority's) in a handshake. */
    public X509ExtendedKeyManager keyManager() {
        return new OwnKeyManager(key, new X509Certificate[] {certificate, authority});
    }
}
