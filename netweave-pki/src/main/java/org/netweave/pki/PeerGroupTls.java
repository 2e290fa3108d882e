package org.netweave.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS among the components of one kind, for links that are not gRPC calls: ZooKeeper's quorum
 * and client ports between controllers. Both ends present a certificate of the authority, and
 * each accepts the other only if its certificate is unrevoked and names a component of
 * {@link #kind()}: a host the authority signed still cannot reach the controllers' ZooKeeper.
 *
 * @param own the certificate this end presents
 * @param revocations what the authority has revoked
 * @param kind the only kind of component either end accepts
 */
public record PeerGroupTls(Credentials own, Revocations revocations, ComponentKind kind) {
    /** The alias of the entry in the key and trust stores this writes. */
    public static final String ALIAS = "netweave";

    public PeerGroupTls {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(kind, "kind");
    }

    /** Presents {@link #own()} with the authority's certificate behind it. */
    public X509ExtendedKeyManager keyManager() {
        return new OwnKeyManager(own.key(), new X509Certificate[] {own.certificate(), own.authority()});
    }

    /** Accepts a peer of {@link #kind()} the authority signed and has not revoked, on either end. */
    public X509ExtendedTrustManager trustManager() {
        return new CaTrustManager(own.authority(), revocations, Optional.of(kind), Optional.of(kind));
    }

    /** A context for sockets and engines on either end of the link. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager()}, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a TLS context", e);
        }
    }

    /**
     * Writes {@link #own()} as a PKCS#12 key store, 0600, for a library that reads its key from a
     * file (ZooKeeper's client does). Written beside and moved into place, as the PEM files are.
     */
    public void writeKeyStore(Path file, char[] password) {
        write(file, password, store -> store.setKeyEntry(ALIAS, own.key(), password,
                new X509Certificate[] {own.certificate(), own.authority()}), true);
    }

    /** Writes the authority's certificate as a PKCS#12 trust store, for the same kind of library. */
    public void writeTrustStore(Path file, char[] password) {
        write(file, password, store -> store.setCertificateEntry(ALIAS, own.authority()), false);
    }

    @FunctionalInterface
    private interface Entry {
        void add(KeyStore store) throws GeneralSecurityException;
    }

    private static void write(Path file, char[] password, Entry entry, boolean secret) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            entry.add(store);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            PemFiles.write(file, bytes.toByteArray(), secret);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the key store " + file, e);
        }
    }
}
