package org.netweave.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.HostId;

class CertificateAuthorityTest {
    private static final ComponentIdentity HOST_1 = ComponentIdentity.host(HostId.of("host-1"));

    @Test
    void theAuthorityIsMadeOnceWithItsKeyReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        Path dir = data.resolve("pki");
        CertificateAuthority first = CertificateAuthority.openOrCreate(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        X509Certificate root = first.certificate();
        assertThat(root.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        root.verify(root.getPublicKey());

        CertificateAuthority again = CertificateAuthority.openOrCreate(dir);
        assertThat(again.certificate()).as("the second start finds the first one's root").isEqualTo(root);
    }

    @Test
    void aComponentKeepsItsCertificateAcrossStartsUntilItIsRevoked(@TempDir Path data) throws Exception {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(data.resolve("pki"));
        Credentials issued = ca.credentialsFor(HOST_1);
        X509Certificate certificate = issued.certificate();
        certificate.verify(ca.certificate().getPublicKey());
        assertThat(ComponentIdentity.of(certificate)).contains(HOST_1);
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("pki/issued/host-host-1.key")))).isEqualTo("rw-------");

        CertificateAuthority restarted = CertificateAuthority.openOrCreate(data.resolve("pki"));
        Credentials kept = restarted.credentialsFor(HOST_1);
        assertThat(kept.certificate()).isEqualTo(certificate);
        assertThat(kept.key()).isEqualTo(issued.key());

        restarted.revoke(certificate);
        assertThat(restarted.revocations().isRevoked(certificate)).isTrue();
        assertThat(data.resolve("pki/issued/host-host-1.key")).as("the revoked key is not kept").doesNotExist();
        assertThat(Files.readString(data.resolve("pki/revoked.txt"))).contains(certificate.getSerialNumber().toString(16));
        Credentials renewed = restarted.credentialsFor(HOST_1);
        assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(certificate.getSerialNumber());
        assertThat(CertificateAuthority.openOrCreate(data.resolve("pki")).revocations().isRevoked(certificate))
                .as("a revocation outlives a restart").isTrue();
    }

    @Test
    void aKeptCertificateWhoseKeyIsNotItsOwnIsIssuedAgain(@TempDir Path data) {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(data.resolve("pki"));
        Credentials first = ca.credentialsFor(HOST_1);
        // As a crash between the key and the certificate of a new issue would leave them.
        Credentials other = ca.credentialsFor(ComponentIdentity.host(HostId.of("host-2")));
        PemFiles.writeKey(data.resolve("pki/issued/host-host-1.key"), other.key());
        Credentials again = ca.credentialsFor(HOST_1);
        assertThat(again.certificate()).isNotEqualTo(first.certificate());
        assertThat(again.key()).isNotEqualTo(other.key());
    }

    @Test
    void anIdentityIsReadOnlyFromANetweaveName() {
        assertThat(new ComponentIdentity(ComponentKind.CONTROL_VM, "edge-1-0").uri()).isEqualTo("urn:netweave:control-vm:edge-1-0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ComponentIdentity(ComponentKind.HOST, "a:b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
