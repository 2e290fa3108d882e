package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.CredentialFiles;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.RevokedCertificates;

/**
 * A controller with its own copy of the revocations (as a daemon has) learns from the manager what
 * the authority revoked: it refuses that certificate from then on and keeps the serial in its
 * copy. Only the manager may tell it.
 */
@Tag("embedded-zookeeper")
class PublishedRevocationsTest {
    private static final ComponentIdentity HOST_1 = ComponentIdentity.host(HostId.of("host-1"));

    @TempDir
    Path dir;

    @Test
    void aControllerLearnsARevocationFromTheManagerAndRefusesItsHolderFromThenOn() throws Exception {
        CertificateAuthority authority = CertificateAuthority.openOrCreate(dir.resolve("pki"));
        TransportSecurity manager = TransportSecurity.mutualTls(authority.credentialsFor(ComponentIdentity.manager()),
                authority.revocations());
        TransportSecurity host = TransportSecurity.mutualTls(authority.credentialsFor(HOST_1), authority.revocations());
        try (EmbeddedControllerCluster cluster = EmbeddedControllerCluster.empty(dir.resolve("controllers"), FAST,
                SESSION_TIMEOUT)) {
            // Each controller reads its credentials and revocations from files of its own.
            cluster.secure(id -> {
                ComponentIdentity controller = ComponentIdentity.controller(id);
                CredentialFiles files = CredentialFiles.write(dir.resolve("files-" + id.value()),
                        authority.credentialsFor(controller), authority.revocations());
                return TransportSecurity.mutualTls(files.read(controller), files.revocations());
            }, PeerGroupTls.ofOne(authority.credentialsFor(ComponentIdentity.controller(ControllerId.of("zookeeper"))),
                    authority.revocations()));
            cluster.addNode();
            String address = cluster.hostAddresses().getFirst();
            ControllerId id = cluster.ids().getFirst();

            assertThat(code(() -> call(host, address, "1"))).as("a host may not publish revocations")
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(code(() -> call(manager, address, "not-hex"))).isEqualTo(Status.Code.INVALID_ARGUMENT);

            X509Certificate revoked = authority.credentialsFor(HOST_1).certificate();
            authority.revoke(revoked);
            String serial = revoked.getSerialNumber().toString(16);
            // The authority's file changed, the controller's copy did not: it still takes the host.
            assertThat(code(() -> call(host, address, "1"))).isEqualTo(Status.Code.PERMISSION_DENIED);

            assertThat(call(manager, address, serial)).as("learned now").isEqualTo(1);
            assertThat(call(manager, address, serial)).as("known already").isZero();
            assertThat(dir.resolve("files-" + id.value()).resolve(CredentialFiles.REVOKED))
                    .as("kept for the controller's next start").content().contains(serial);
            assertThat(code(() -> call(host, address, "1"))).as("the host's handshake is refused")
                    .isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    /** How many of {@code serials} the controller at {@code address} did not know, asked as {@code caller}. */
    private static int call(TransportSecurity caller, String address, String... serials) throws InterruptedException {
        ManagedChannel channel = Grpc.newChannelBuilder(address, caller.channelCredentials(ComponentKind.CONTROLLER)).build();
        try {
            return ManagerChannelGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .publishRevocations(RevokedCertificates.newBuilder().addAllSerials(List.of(serials)).build())
                    .getNewlyRevoked();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private interface Call {
        int run() throws Exception;
    }

    private static Status.Code code(Call call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }
}
