package org.netweave.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;

/**
 * Real TLS handshakes on loopback: a server with a controller's certificate answers who called
 * it; only peers the same authority signed and has not revoked get through, and a handler can hold
 * a peer to the identity it claims.
 */
class MutualTlsTest {
    private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    /** Answers the caller's identity; asked as a host, holds the caller to being that host. */
    private static final MethodDescriptor<String, String> WHO_AM_I = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("netweave.test.Peer/WhoAmI")
            .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
    private static final ComponentIdentity HOST_1 = ComponentIdentity.host(HostId.of("host-1"));

    @TempDir
    Path dir;
    private CertificateAuthority ca;
    private Server server;

    @BeforeEach
    void start() throws IOException {
        ca = CertificateAuthority.openOrCreate(dir.resolve("pki"));
        server = serve(TransportSecurity.mutualTls(ca.credentialsFor(ComponentIdentity.controller(ControllerId.of("controller-1"))),
                ca.revocations()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Server serve(TransportSecurity security) throws IOException {
        return serve(security, CallerRule.anyComponent());
    }

    private static Server serve(TransportSecurity security, CallerRule callers) throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder("netweave.test.Peer")
                .addMethod(WHO_AM_I, ServerCalls.asyncUnaryCall((claimed, answer) -> {
                    try {
                        if (!claimed.isEmpty()) {
                            PeerIdentity.require(ComponentIdentity.host(HostId.of(claimed)));
                        }
                        answer.onNext(PeerIdentity.current().map(ComponentIdentity::uri).orElse("plaintext"));
                        answer.onCompleted();
                    } catch (StatusRuntimeException e) {
                        answer.onError(e);
                    }
                }))
                .build();
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), security.serverCredentials())
                .addService(ServerInterceptors.intercept(service, security.callers(callers)))
                .build().start();
    }

    private String call(TransportSecurity security, String claimed) {
        return call(security, server, claimed);
    }

    /** A call on a new channel (a new handshake) to a server that should be a controller. */
    private static String call(TransportSecurity security, Server server, String claimed) {
        ManagedChannel channel = channel(security, server);
        try {
            return call(channel, claimed);
        } finally {
            channel.shutdownNow();
        }
    }

    private static ManagedChannel channel(TransportSecurity security, Server server) {
        return Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(),
                security.channelCredentials(ComponentKind.CONTROLLER)).build();
    }

    private static String call(ManagedChannel channel, String claimed) {
        return ClientCalls.blockingUnaryCall(channel, WHO_AM_I, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                claimed);
    }

    @Test
    void aComponentTheAuthoritySignedGetsThroughAndIsKnownByItsCertificate() {
        TransportSecurity host = TransportSecurity.mutualTls(ca.credentialsFor(HOST_1), ca.revocations());
        assertThat(call(host, "")).isEqualTo("urn:netweave:host:host-1");
        assertThat(call(host, "host-1")).isEqualTo("urn:netweave:host:host-1");
        assertThatThrownBy(() -> call(host, "host-2")).as("host-1 speaking for host-2")
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).contains("host host-1 may not act as host host-2");
                });
    }

    @Test
    void aServiceForOneKindOfComponentRefusesTheOthers() throws IOException, InterruptedException {
        Server managerOnly = serve(TransportSecurity.mutualTls(ca.credentialsFor(ComponentIdentity.controller(
                ControllerId.of("controller-1"))), ca.revocations()), CallerRule.only(ComponentKind.MANAGER));
        try {
            assertThat(call(TransportSecurity.mutualTls(ca.credentialsFor(ComponentIdentity.manager()), ca.revocations()),
                    managerOnly, "")).isEqualTo("urn:netweave:manager:manager");
            assertThatThrownBy(() -> call(TransportSecurity.mutualTls(ca.credentialsFor(HOST_1), ca.revocations()),
                    managerOnly, "")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).isEqualTo("host host-1 may not call netweave.test.Peer/WhoAmI");
                    });
        } finally {
            managerOnly.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPeerWithoutACertificateOrWithAnotherAuthoritysIsRefusedInTheHandshake() {
        assertThat(refusal(TransportSecurity.plaintext())).isEqualTo(Status.Code.UNAVAILABLE);
        CertificateAuthority other = CertificateAuthority.openOrCreate(dir.resolve("other-pki"));
        assertThat(refusal(TransportSecurity.mutualTls(other.credentialsFor(HOST_1), other.revocations())))
                .isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void aRevokedCertificateIsRefusedOnTheConnectionItHoldsAndAtTheNextHandshake() {
        Credentials host = ca.credentialsFor(HOST_1);
        TransportSecurity security = TransportSecurity.mutualTls(host, ca.revocations());
        ManagedChannel live = channel(security, server);
        try {
            assertThat(call(live, "host-1")).isEqualTo("urn:netweave:host:host-1");
            ca.revoke(host.certificate());
            assertThatThrownBy(() -> call(live, "host-1")).as("the next call on the open connection")
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                        assertThat(e.getStatus().getDescription()).isEqualTo("the certificate of host host-1 was revoked");
                    });
        } finally {
            live.shutdownNow();
        }
        assertThat(refusal(security)).isEqualTo(Status.Code.UNAVAILABLE);
        // The host gets a new certificate from the authority and is let in again.
        assertThat(call(TransportSecurity.mutualTls(ca.credentialsFor(HOST_1), ca.revocations()), "host-1"))
                .isEqualTo("urn:netweave:host:host-1");
    }

    @Test
    void aClientTrustsNoServerTheAuthorityDidNotSign() throws IOException, InterruptedException {
        CertificateAuthority other = CertificateAuthority.openOrCreate(dir.resolve("other-pki"));
        Server impostor = serve(TransportSecurity.mutualTls(
                other.credentialsFor(ComponentIdentity.controller(ControllerId.of("controller-1"))), other.revocations()));
        try {
            TransportSecurity host = TransportSecurity.mutualTls(ca.credentialsFor(HOST_1), ca.revocations());
            assertThatThrownBy(() -> call(host, impostor, "host-1")).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            impostor.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientReachesOnlyTheKindOfComponentItMeansToReach() throws IOException, InterruptedException {
        // A host the authority signed, serving where a controller is expected: refused in the handshake.
        Server posing = serve(TransportSecurity.mutualTls(ca.credentialsFor(ComponentIdentity.host(HostId.of("host-9"))),
                ca.revocations()));
        try {
            TransportSecurity host = TransportSecurity.mutualTls(ca.credentialsFor(HOST_1), ca.revocations());
            assertThatThrownBy(() -> call(host, posing, "")).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            posing.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void outsideACallNobodyIsTheAuthenticatedPeer() {
        assertThatThrownBy(() -> PeerIdentity.require(HOST_1)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void overPlaintextThereIsNoIdentityAndNothingToHoldThePeerTo() throws IOException, InterruptedException {
        Server lab = serve(TransportSecurity.plaintext());
        try {
            assertThat(call(TransportSecurity.plaintext(), lab, "host-2")).isEqualTo("plaintext");
        } finally {
            lab.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private Status.Code refusal(TransportSecurity security) {
        try {
            call(security, "host-1");
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }
}
