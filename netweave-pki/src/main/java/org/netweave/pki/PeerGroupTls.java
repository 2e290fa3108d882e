package org.netweave.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS among a fixed group of components, for links that are not gRPC calls: ZooKeeper's quorum,
 * election and client ports between the controllers of one ensemble. Both ends present a
 * certificate of the authority, and each accepts the other only if it presents one of the
 * group's {@link #members()} certificates, signed by the authority and unrevoked. A host the
 * authority signed, or any other controller, cannot reach the ensemble's ZooKeeper, and its
 * clients talk to no server but a member.
 *
 * @param own the certificate this end presents; one of {@code members}
 * @param revocations what the authority has revoked
 * @param members the certificates of the group, the only ones either end accepts
 */
public record PeerGroupTls(Credentials own, Revocations revocations, List<X509Certificate> members) {
    /** The alias of the entry in the key store this writes. */
    public static final String ALIAS = "netweave";

    public PeerGroupTls {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(revocations, "revocations");
        members = List.copyOf(members);
        if (!members.contains(own.certificate())) {
            throw new IllegalArgumentException("the group's members must include this end's own certificate ("
                    + own.identity() + ")");
        }
    }

    /** A group of one certificate that every member presents (the embedded controllers' ZooKeeper). */
    public static PeerGroupTls ofOne(Credentials shared, Revocations revocations) {
        return new PeerGroupTls(shared, revocations, List.of(shared.certificate()));
    }

    /** Presents {@link #own()} with the authority's certificate behind it. */
    public X509ExtendedKeyManager keyManager() {
        return own.keyManager();
    }

    /** Accepts a member's certificate, which the authority signed and has not revoked, on either end. */
    public X509ExtendedTrustManager trustManager() {
        return new CaTrustManager(own.authority(), revocations, Optional.empty(), members);
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

    /**
     * Writes the members' certificates, and nothing else, as a PKCS#12 trust store, for the same
     * kind of library: its PKIX check then accepts a member (each is a trust anchor of its own)
     * and no other certificate of the authority. Such a library cannot check revocation; the
     * servers it talks to, which use {@link #trustManager()}, do.
     */
    public void writeTrustStore(Path file, char[] password) {
        write(file, password, store -> {
            for (int i = 0; i < members.size(); i++) {
                store.setCertificateEntry(ALIAS + "-" + i, members.get(i));
            }
        }, false);
    }

    @FunctionalInterface
    private interface Entries {
        void add(KeyStore store) throws GeneralSecurityException;
    }

    private static void write(Path file, char[] password, Entries entries, boolean secret) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            entries.add(store);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            PemFiles.write(file, bytes.toByteArray(), secret);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the key store " + file, e);
        }
    }
}
