package org.netweave.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's certificate authority: a self-signed EC P-256 root made on first start in its own
 * directory of the data directory ({@code ca.crt}, {@code ca.key} 0600), which signs every
 * component's certificate and keeps the revoked ones. A component's certificate is kept under
 * {@code issued/} and handed out again on the next start, until it is revoked or about to expire.
 *
 * <p>The manager opens this directory; so does {@code netweave cert issue} on the manager's machine,
 * which writes only the issued files of the component it names, one file at a time moved into
 * place. A component in another process gets its key and certificate (and the root) as files
 * ({@link CredentialFiles}), never the authority's key.
 */
public final class CertificateAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthority.class);
    static final String CA_CERTIFICATE = "ca.crt";
    static final String CA_KEY = "ca.key";
    static final String REVOKED = "revoked.txt";
    static final String ISSUED = "issued";
    private static final Duration ROOT_LIFETIME = Duration.ofDays(10 * 365);
    private static final Duration COMPONENT_LIFETIME = Duration.ofDays(2 * 365);
    /** A certificate this close to its end is replaced rather than handed out again. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Revocations revocations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(Path dir, PrivateKey key, X509Certificate certificate, Clock clock) {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
        this.revocations = Revocations.load(dir.resolve(REVOKED));
        this.clock = clock;
    }

    /** The authority in {@code dir}, made there (with the directory, 0700) if there is none yet. */
    public static CertificateAuthority openOrCreate(Path dir) {
        return openOrCreate(dir, Clock.systemUTC());
    }

    static CertificateAuthority openOrCreate(Path dir, Clock clock) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // Also for a directory made by hand or an older version: the root's key is in it.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dir.resolve(ISSUED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the certificate authority's directory " + dir, e);
        }
        Path certificateFile = dir.resolve(CA_CERTIFICATE);
        Path keyFile = dir.resolve(CA_KEY);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            return new CertificateAuthority(dir, PemFiles.readKey(keyFile), PemFiles.readCertificate(certificateFile), clock);
        }
        KeyPair pair = newKeyPair();
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=Netweave certificate authority,O=Netweave");
        X509Certificate root = sign(pair.getPrivate(), new JcaX509v3CertificateBuilder(name, serial(new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_LIFETIME)), name, pair.getPublic()),
                builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    builder.addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
                });
        // The key first: a certificate without its key is unusable, a key without certificate is redone.
        PemFiles.writeKey(keyFile, pair.getPrivate());
        PemFiles.writeCertificate(certificateFile, root);
        LOG.atInfo().setMessage("certificate authority created in {}; its root is valid until {}").addArgument(dir)
                .addArgument(root.getNotAfter().toInstant()).addKeyValue("event", "ca-created").log();
        return new CertificateAuthority(dir, pair.getPrivate(), root, clock);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Revocations revocations() {
        return revocations;
    }

    /**
     * The credentials of {@code identity}: those issued before if they are still good (not
     * revoked, not about to expire), otherwise new ones, kept for next time.
     */
    public synchronized Credentials credentialsFor(ComponentIdentity identity) {
        Optional<Credentials> kept = kept(identity);
        if (kept.isPresent()) {
            return kept.get();
        }
        return issue(identity);
    }

    /** New credentials for {@code identity}, replacing any kept ones (which stay valid until revoked). */
    public synchronized Credentials issue(ComponentIdentity identity) {
        KeyPair pair = newKeyPair();
        Instant now = clock.instant();
        X509Certificate issued = sign(key, new JcaX509v3CertificateBuilder(certificate, serial(random),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(COMPONENT_LIFETIME)),
                new X500Name("CN=" + identity.name() + ",OU=" + identity.kind().label() + ",O=Netweave"), pair.getPublic()),
                builder -> {
                    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    // Every component both serves and calls (a controller calls ZooKeeper, a host
                    // agent serves its peers' probes), so every certificate is good for both ends.
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, identity.uri())));
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
                    builder.addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
                });
        PemFiles.writeKey(issuedFile(identity, ".key"), pair.getPrivate());
        PemFiles.writeCertificate(issuedFile(identity, ".crt"), issued);
        LOG.atInfo().setMessage("certificate {} issued to {}").addArgument(issued.getSerialNumber().toString(16))
                .addArgument(identity).addKeyValue("event", "certificate-issued").addKeyValue("identity", identity.uri())
                .addKeyValue("serial", issued.getSerialNumber().toString(16)).log();
        return new Credentials(identity, pair.getPrivate(), issued, certificate);
    }

    /**
     * Whether {@code issued} is still what its holder gets: not revoked, not within the renewal
     * window. Cheap (no files): for a cache of what {@link #credentialsFor} gave.
     */
    public boolean stillHeld(X509Certificate issued) {
        return !revocations.isRevoked(issued)
                && !issued.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    /** The certificate {@code identity} holds now (the one handed out on its next start); empty if none. */
    public synchronized Optional<X509Certificate> issuedTo(ComponentIdentity identity) {
        return kept(identity).map(Credentials::certificate);
    }

    /** Every certificate held now, one per component, in file-name order. */
    public synchronized List<X509Certificate> issued() {
        try (Stream<Path> files = Files.list(dir.resolve(ISSUED))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".crt")).sorted()
                    .map(PemFiles::readCertificate)
                    .filter(held -> ComponentIdentity.of(held).flatMap(this::kept).map(Credentials::certificate)
                            .filter(held::equals).isPresent())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the issued certificates in " + dir, e);
        }
    }

    /** Revokes {@code revoked}: no server of the CA's components accepts it again, not even on a live stream. */
    public synchronized void revoke(X509Certificate revoked) {
        // Whether it is the kept one is asked before the revocation, which would hide it.
        Optional<ComponentIdentity> holder = ComponentIdentity.of(revoked);
        boolean kept = holder.flatMap(this::kept).map(Credentials::certificate).filter(revoked::equals).isPresent();
        revocations.add(revoked.getSerialNumber());
        if (kept) {
            deleteIssued(holder.get());
        }
        LOG.atWarn().setMessage("certificate {} of {} revoked").addArgument(revoked.getSerialNumber().toString(16))
                .addArgument(holder.map(Object::toString).orElse("an unknown holder"))
                .addKeyValue("event", "certificate-revoked").addKeyValue("serial", revoked.getSerialNumber().toString(16))
                .log();
    }

    private Optional<Credentials> kept(ComponentIdentity identity) {
        Path keyFile = issuedFile(identity, ".key");
        Path certificateFile = issuedFile(identity, ".crt");
        if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
            return Optional.empty();
        }
        X509Certificate kept = PemFiles.readCertificate(certificateFile);
        PrivateKey key = PemFiles.readKey(keyFile);
        boolean expiring = kept.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
        if (revocations.isRevoked(kept) || expiring || !ComponentIdentity.of(kept).equals(Optional.of(identity))
                || !signedByThisRoot(kept) || !keyMatches(key, kept)) {
            // Issued again rather than handed out broken: a crash between the key and the
            // certificate of an issue, or a root made anew, leaves a pair that cannot handshake.
            return Optional.empty();
        }
        return Optional.of(new Credentials(identity, key, kept, certificate));
    }

    private boolean signedByThisRoot(X509Certificate issued) {
        try {
            issued.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether {@code key} is the private half of the certificate's key: it signs what the certificate verifies. */
    static boolean keyMatches(PrivateKey key, X509Certificate issued) {
        try {
            byte[] probe = "netweave".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(SIGNATURE);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(issued.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void deleteIssued(ComponentIdentity identity) {
        try {
            Files.deleteIfExists(issuedFile(identity, ".crt"));
            Files.deleteIfExists(issuedFile(identity, ".key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the revoked certificate of " + identity, e);
        }
    }

    private Path issuedFile(ComponentIdentity identity, String suffix) {
        return dir.resolve(ISSUED).resolve(identity.kind().label() + "-" + identity.name() + suffix);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    /** A positive random serial of 127 bits: unique without a counter to keep. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(0);
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }

    private static X509Certificate sign(PrivateKey signer, X509v3CertificateBuilder builder, Extensions extensions) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }
}
