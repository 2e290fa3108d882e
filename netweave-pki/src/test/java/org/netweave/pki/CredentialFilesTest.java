package org.netweave.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.HostId;

class CredentialFilesTest {
    private static final ComponentIdentity HOST_1 = ComponentIdentity.host(HostId.of("host-1"));
    private static final ComponentIdentity HOST_2 = ComponentIdentity.host(HostId.of("host-2"));

    @Test
    void whatIsWrittenForADaemonReadsBackAsTheSameCredentialsWithTheRevocations(@TempDir Path data) throws Exception {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(data.resolve("pki"));
        X509Certificate revoked = ca.credentialsFor(HOST_2).certificate();
        ca.revoke(revoked);
        Credentials issued = ca.credentialsFor(HOST_1);

        CredentialFiles files = CredentialFiles.write(data.resolve("host-1"), issued, ca.revocations());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.dir().resolve("host-host-1.key"))))
                .isEqualTo("rw-------");
        Credentials read = files.read(HOST_1);
        assertThat(read.certificate()).isEqualTo(issued.certificate());
        assertThat(read.authority()).isEqualTo(ca.certificate());
        assertThat(read.key().getEncoded()).isEqualTo(issued.key().getEncoded());
        assertThat(files.revocations().isRevoked(revoked)).as("the copy of the revocations").isTrue();
        assertThat(files.revocations().isRevoked(issued.certificate())).isFalse();
    }

    @Test
    void aMissingFileAnotherComponentsCertificateOrAForeignRootIsRefusedNamingTheFile(@TempDir Path data) throws Exception {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(data.resolve("pki"));
        CredentialFiles files = CredentialFiles.write(data.resolve("d"), ca.credentialsFor(HOST_1), ca.revocations());

        assertThatThrownBy(() -> files.read(HOST_2)).hasMessageContaining("host-host-2.crt is missing")
                .hasMessageContaining("netweave cert issue host host-2");

        // host-2's certificate and key under host-1's names: the certificate names someone else.
        CredentialFiles other = CredentialFiles.write(data.resolve("o"), ca.credentialsFor(HOST_2), ca.revocations());
        Files.copy(other.dir().resolve("host-host-2.crt"), files.dir().resolve("host-host-1.crt"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> files.read(HOST_1)).hasMessageContaining("host-host-1.crt is not host host-1's certificate");

        // host-1's own certificate with host-2's key: not its key.
        CredentialFiles.write(files.dir(), ca.credentialsFor(HOST_1), ca.revocations());
        Files.copy(other.dir().resolve("host-host-2.key"), files.dir().resolve("host-host-1.key"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> files.read(HOST_1)).hasMessageContaining("host-host-1.key is not the key of");

        // Signed by another root than the ca.crt beside it.
        CertificateAuthority foreign = CertificateAuthority.openOrCreate(data.resolve("foreign"));
        CredentialFiles.write(files.dir(), ca.credentialsFor(HOST_1), ca.revocations());
        Files.copy(data.resolve("foreign").resolve("ca.crt"), files.dir().resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> files.read(HOST_1)).hasMessageContaining("was not signed by the authority");
        assertThat(foreign.certificate()).isNotEqualTo(ca.certificate());

        // A key others may read, a directory others may write.
        CredentialFiles.write(files.dir(), ca.credentialsFor(HOST_1), ca.revocations());
        Files.setPosixFilePermissions(files.dir().resolve("host-host-1.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> files.read(HOST_1)).hasMessageContaining("may be read by others");
        Files.setPosixFilePermissions(files.dir().resolve("host-host-1.key"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(files.dir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> files.read(HOST_1)).hasMessageContaining("may be written by others");

        // Its own certificate in the copy of the revocations; and a pinned peer's, checked alike.
        X509Certificate revoked = ca.credentialsFor(HOST_1).certificate();
        ca.revoke(revoked);
        CredentialFiles stale = CredentialFiles.write(data.resolve("stale"), new Credentials(HOST_1,
                other.read(HOST_2).key(), revoked, ca.certificate()), ca.revocations());
        assertThatThrownBy(() -> stale.read(HOST_1)).hasMessageContaining("holds a revoked certificate");
        assertThatThrownBy(() -> stale.certificateOf(HOST_1)).hasMessageContaining("holds a revoked certificate");
        assertThat(other.certificateOf(HOST_2)).isEqualTo(other.read(HOST_2).certificate());
    }
}
