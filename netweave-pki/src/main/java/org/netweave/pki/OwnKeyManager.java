package org.netweave.pki;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents one key and its chain in every handshake, straight from memory: a key store would
 * encrypt the key with ten thousand PBKDF2 rounds to hand it to a key manager factory that decrypts
 * it again, for every channel a component opens.
 */
final class OwnKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "netweave";

    private final PrivateKey key;
    private final X509Certificate[] chain;
    /** The certificate's key algorithm ("EC"): what a provider calls the private key may differ ("ECDSA"). */
    private final String algorithm;

    OwnKeyManager(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain.clone();
        this.algorithm = chain[0].getPublicKey().getAlgorithm();
    }

    /** Whether the handshake asks for a key of this key's algorithm ("EC", or "EC_EC" in TLS 1.2 terms). */
    private String aliasFor(String keyType) {
        return keyType != null && (keyType.equals(algorithm) || keyType.startsWith(algorithm + "_"))
                ? ALIAS : null;
    }

    private String aliasFor(String[] keyTypes) {
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                if (aliasFor(keyType) != null) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }
}
