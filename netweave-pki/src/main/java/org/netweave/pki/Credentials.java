package org.netweave.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/** A component's key and certificate, and the authority that signed it (which it trusts). */
public record Credentials(ComponentIdentity identity, PrivateKey key, X509Certificate certificate,
                          X509Certificate authority) {

    /** Key managers that present this certificate (with the authority's) in a handshake. */
    public KeyManager[] keyManagers() {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("netweave", key, password, new X509Certificate[] {certificate, authority});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the key of " + identity + " into a key manager", e);
        }
    }
}
