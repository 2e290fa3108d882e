package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;
import static org.netweave.controller.embedded.ClusterChecks.WAIT;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.controller.zk.PeerProbe;
import org.netweave.controller.zk.PeerSpec;
import org.netweave.controller.zk.ZkSecurity;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.Credentials;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;

/**
 * The controllers' ZooKeeper under the authority's TLS: quorum, election and client links speak
 * TLS alone, and only the ensemble's members get in. A plaintext client, a host the authority
 * signed, a controller that is no member and a controller of another authority are all refused.
 */
@Tag("embedded-zookeeper")
class ZooKeeperTlsTest {
    private static final Duration PROBE = Duration.ofSeconds(2);
    private static final ComponentIdentity ENSEMBLE = ComponentIdentity.controller(ControllerId.of("zookeeper"));

    @TempDir
    Path dir;

    @Test
    void theEnsembleSpeaksTlsAloneAndAdmitsOnlyTheAuthoritysControllers() throws Exception {
        CertificateAuthority authority = CertificateAuthority.openOrCreate(dir.resolve("pki"));
        PeerGroupTls ensemble = PeerGroupTls.ofOne(authority.credentialsFor(ENSEMBLE), authority.revocations());
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.empty(dir.resolve("controllers"), FAST,
                SESSION_TIMEOUT)) {
            cluster.secure(id -> TransportSecurity.mutualTls(authority.credentialsFor(ComponentIdentity.controller(id)),
                    authority.revocations()), ensemble);
            // Three peers that find each other over TLS quorum and election links, joined one by
            // one through a TLS admin session, each node with a TLS ZooKeeper session.
            cluster.addNode();
            cluster.addNode();
            cluster.addNode();
            ControllerId first = cluster.ids().getFirst();
            await().atMost(WAIT).untilAsserted(() -> {
                for (ControllerId id : cluster.ids()) {
                    ClusterStatus status = cluster.status(id).clusterStatus();
                    assertThat(status.majorityStatus()).as(id.value()).isEqualTo(ClusterStatus.MAJORITY_CONNECTED);
                    assertThat(status.restartStatus()).as(id.value()).isEqualTo(ClusterStatus.RESTART_SAFE);
                }
            });
            PeerSpec peer = cluster.peer(first).self();
            ZkSecurity controllers = ZkSecurity.tls(ensemble, dir.resolve("client-ensemble"));
            assertThat(PeerProbe.mode(peer, PROBE, controllers).isServing()).isTrue();

            // The client port: plaintext gets no answer, only the end of the connection.
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(peer.host(), peer.clientPort()), 2_000);
                plain.setSoTimeout(5_000);
                plain.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
                // Done asking, as ZooKeeper's own four-letter-word client says it; a plaintext
                // server would answer now.
                plain.shutdownOutput();
                String reply = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(reply).doesNotContain("Mode:");
            }
            assertThat(PeerProbe.mode(peer, PROBE, ZkSecurity.plaintext()).isServing()).isFalse();

            // Intruders that trust the ensemble and present a certificate of their own: a host the
            // same authority signed, a controller of this authority that is not a member, a
            // controller of another authority. The server ends each handshake with an alert.
            X509Certificate member = ensemble.own().certificate();
            Credentials hostCredentials = authority.credentialsFor(ComponentIdentity.host(HostId.of("host-1")));
            Credentials fellow = authority.credentialsFor(ComponentIdentity.controller(first));
            Credentials foreign = CertificateAuthority.openOrCreate(dir.resolve("other-pki")).credentialsFor(ENSEMBLE);
            Credentials stranger = new Credentials(foreign.identity(), foreign.key(), foreign.certificate(),
                    authority.certificate());
            for (Credentials intruder : List.of(hostCredentials, fellow, stranger)) {
                PeerGroupTls tls = new PeerGroupTls(intruder, authority.revocations(),
                        List.of(intruder.certificate(), member));
                assertRefused(tls, peer.host(), peer.clientPort());
                assertThat(PeerProbe.mode(peer, PROBE, ZkSecurity.tls(tls, dir.resolve("client-" + intruder.identity().name()))))
                        .isEqualTo(PeerProbe.Mode.UNREACHABLE);
            }
            PeerGroupTls host = new PeerGroupTls(hostCredentials, authority.revocations(),
                    List.of(hostCredentials.certificate(), member));

            // The election port (quorum links use the same context): TLS, showing the ensemble's
            // certificate, and closed to the host's.
            try (SSLSocket socket = tlsTo(ensemble, peer.host(), peer.electionPort())) {
                X509Certificate shown = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                assertThat(ComponentIdentity.of(shown)).contains(ENSEMBLE);
            }
            assertRefused(host, peer.host(), peer.electionPort());
        }
    }

    @Test
    void theZooKeeperClientTrustsTheMembersAloneAndItsKeyIsItsOwnersAlone() throws Exception {
        CertificateAuthority authority = CertificateAuthority.openOrCreate(dir.resolve("pki"));
        PeerGroupTls ensemble = PeerGroupTls.ofOne(authority.credentialsFor(ENSEMBLE), authority.revocations());
        ZkSecurity.Tls tls = (ZkSecurity.Tls) ZkSecurity.tls(ensemble, dir.resolve("stores"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keyStore()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("stores"))))
                .isEqualTo("rwx------");
        assertThat(tls.toString()).doesNotContain(tls.password());

        // ZooKeeper's client builds a PKIX trust manager from the trust store file; so does this.
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            store.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        X509TrustManager client = (X509TrustManager) factory.getTrustManagers()[0];
        X509Certificate root = authority.certificate();
        client.checkServerTrusted(new X509Certificate[] {ensemble.own().certificate(), root}, "UNKNOWN");
        X509Certificate host = authority.credentialsFor(ComponentIdentity.host(HostId.of("host-1"))).certificate();
        X509Certificate fellow = authority.credentialsFor(ComponentIdentity.controller(ControllerId.of("controller-1")))
                .certificate();
        for (X509Certificate impostor : List.of(host, fellow)) {
            assertThatThrownBy(() -> client.checkServerTrusted(new X509Certificate[] {impostor, root}, "UNKNOWN"))
                    .isInstanceOf(CertificateException.class);
        }
    }

    private static SSLSocket tlsTo(PeerGroupTls tls, String host, int port) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), 2_000);
        plain.setSoTimeout(5_000);
        SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory().createSocket(plain, host, port, true);
        socket.startHandshake();
        return socket;
    }

    /**
     * A server that refuses the certificate ends the connection with an alert, seen in the
     * handshake or at the first read after it (TLS 1.3 lets the client finish first), or resets
     * it. A member would get no error: the port would wait for its first message (a timeout).
     */
    private static void assertRefused(PeerGroupTls tls, String host, int port) {
        assertThatThrownBy(() -> {
            try (SSLSocket socket = tlsTo(tls, host, port)) {
                socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read();
            }
        }).as("%s at port %d", tls.own().identity(), port)
                .isInstanceOfAny(SSLException.class, SocketException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
    }
}
