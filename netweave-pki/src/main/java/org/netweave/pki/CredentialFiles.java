package org.netweave.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * One component's credentials as files in a directory of its own, for a daemon on another machine
 * than the authority (the way {@code ovs-pki} hands out a switch's key): {@code ca.crt}, the
 * component's {@code <kind>-<name>.crt} and {@code <kind>-<name>.key} (0600, the directory 0700),
 * and optionally {@code revoked.txt}, the authority's revocations as the operator last copied them.
 * The authority's own key never leaves the manager.
 *
 * <p>Other components' certificates may sit beside them: a controller pins its ZooKeeper peers'.
 */
public record CredentialFiles(Path dir) {
    public static final String AUTHORITY = CertificateAuthority.CA_CERTIFICATE;
    public static final String REVOKED = CertificateAuthority.REVOKED;

    /** Writes {@code credentials} and the authority's revocations into {@code dir}, made 0700 if need be. */
    public static CredentialFiles write(Path dir, Credentials credentials, Revocations revocations) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // Also a directory that was there: a key goes into it.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the credentials directory " + dir, e);
        }
        CredentialFiles files = new CredentialFiles(dir);
        // The key first, as the authority does: a certificate without its key is unusable.
        PemFiles.writeKey(files.keyFile(credentials.identity()), credentials.key());
        PemFiles.writeCertificate(files.certificateFile(credentials.identity()), credentials.certificate());
        PemFiles.writeCertificate(dir.resolve(AUTHORITY), credentials.authority());
        revocations.copyTo(dir.resolve(REVOKED));
        return files;
    }

    /**
     * The credentials of {@code identity} in this directory, checked before a daemon presents them:
     * the certificate names {@code identity}, the root signed it, and the key is its own.
     *
     * @throws IllegalStateException naming the file that is missing or wrong
     */
    public Credentials read(ComponentIdentity identity) {
        Path authorityFile = dir.resolve(AUTHORITY);
        Path certificateFile = certificateFile(identity);
        Path keyFile = keyFile(identity);
        for (Path required : new Path[] {authorityFile, certificateFile, keyFile}) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException(required + " is missing: issue it on the manager's machine with"
                        + " 'netweave cert issue " + identity.kind().label() + " " + identity.name() + " --out " + dir + "'");
            }
        }
        requireOwnerOnly(keyFile);
        X509Certificate authority = PemFiles.readCertificate(authorityFile);
        X509Certificate certificate = checked(identity, certificateFile, authority);
        Credentials credentials = new Credentials(identity, PemFiles.readKey(keyFile), certificate, authority);
        if (!CertificateAuthority.keyMatches(credentials.key(), certificate)) {
            throw new IllegalStateException(keyFile + " is not the key of " + certificateFile);
        }
        return credentials;
    }

    /**
     * Another component's certificate kept here (a pinned peer's), checked as our own is: it names
     * {@code identity}, the root beside it signed it, it is current and not revoked.
     */
    public X509Certificate certificateOf(ComponentIdentity identity) {
        Path file = certificateFile(identity);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: copy " + identity + "'s certificate there");
        }
        return checked(identity, file, PemFiles.readCertificate(dir.resolve(AUTHORITY)));
    }

    private X509Certificate checked(ComponentIdentity identity, Path file, X509Certificate authority) {
        X509Certificate certificate = PemFiles.readCertificate(file);
        if (!ComponentIdentity.of(certificate).equals(Optional.of(identity))) {
            throw new IllegalStateException(file + " is not " + identity + "'s certificate");
        }
        try {
            certificate.verify(authority.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " was not signed by the authority in " + dir.resolve(AUTHORITY), e);
        }
        try {
            certificate.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not valid now (" + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + "): issue it again", e);
        }
        if (revocations().isRevoked(certificate)) {
            throw new IllegalStateException(file + " holds a revoked certificate (" + REVOKED + "): issue it again");
        }
        return certificate;
    }

    /** A key anyone but its owner may read, or a directory anyone else may write, is not trusted. */
    private void requireOwnerOnly(Path keyFile) {
        try {
            var keyModes = Files.getPosixFilePermissions(keyFile);
            var dirModes = Files.getPosixFilePermissions(dir);
            if (keyModes.stream().anyMatch(mode -> mode.name().startsWith("GROUP") || mode.name().startsWith("OTHERS"))) {
                throw new IllegalStateException(keyFile + " may be read by others (" + PosixFilePermissions.toString(keyModes)
                        + "): chmod 600 it");
            }
            if (dirModes.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    || dirModes.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                throw new IllegalStateException(dir + " may be written by others (" + PosixFilePermissions.toString(dirModes)
                        + "): chmod 700 it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modes of " + keyFile, e);
        }
    }

    /** The revocations copied here; none if there is no file yet. Call {@link Revocations#reload()} to see a new copy. */
    public Revocations revocations() {
        return Revocations.load(dir.resolve(REVOKED));
    }

    private Path certificateFile(ComponentIdentity identity) {
        return dir.resolve(identity.kind().label() + "-" + identity.name() + ".crt");
    }

    private Path keyFile(ComponentIdentity identity) {
        return dir.resolve(identity.kind().label() + "-" + identity.name() + ".key");
    }
}
