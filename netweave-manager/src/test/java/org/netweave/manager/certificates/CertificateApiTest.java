package org.netweave.manager.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.auth.ApiTokens;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostChannels;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.Hello;
import org.netweave.proto.controller.v1.HostChannelGrpc;
import org.netweave.proto.controller.v1.HostMessage;
import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.TraceflowChannelGrpc;
import org.netweave.proto.manager.v1.TraceflowHello;
import org.netweave.proto.manager.v1.TraceflowProbe;

/**
 * Revoking a host's certificate through the API: the host's open streams to a controller and to the
 * manager (configuration, Neutron agents, traceflow probes) end at once, a new connection with it
 * fails its handshake, and the other hosts go on.
 */
@Tag("embedded-zookeeper")
class CertificateApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Where a stream ended (its status), or OK once its first message came while it is open. */
    private static final class Watched<T> implements StreamObserver<T> {
        final CompletableFuture<T> first = new CompletableFuture<>();
        final CompletableFuture<Status> ended = new CompletableFuture<>();

        @Override
        public void onNext(T value) {
            first.complete(value);
        }

        @Override
        public void onError(Throwable t) {
            ended.complete(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            ended.complete(Status.OK);
        }
    }

    @Test
    void aRevokedHostIsCutOffAtOnceAndRefusedFromThenOn(@TempDir Path dir) throws Exception {
        try (Manager manager = Manager.start(ManagerSettings.local(dir.resolve("manager")), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
             HostChannels toManager = new HostChannels(manager.southboundPort(),
                     host -> manager.transportFor(ComponentIdentity.host(host)))) {
            ApiClient admin = new ApiClient(manager.apiPort()).withToken(
                    Files.readString(dir.resolve("manager").resolve(ApiTokens.BOOTSTRAP_FILE)).strip());
            LabTopology lab = new LabTopology(admin).controllers(1).compute(2);
            String host1 = lab.hosts.get(0);
            String host2 = lab.hosts.get(1);
            String controller = admin.get("/controllers").body().get(0).at("/address").asText();

            // host-1 holds a configuration stream from the manager and a host stream at the controller.
            Watched<HostConfig> configs = new Watched<>();
            HostConfigChannelGrpc.newStub(toManager.of(host1)).subscribe(HostHello.newBuilder().setHostId(host1).build(), configs);
            configs.first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // ... and, as its agents would, the Neutron agents' subscription and the traceflow probe stream.
            Watched<AgentNotification> neutron = new Watched<>();
            NeutronAgentChannelGrpc.newStub(toManager.of(host1)).subscribe(AgentHello.newBuilder().setHost(host1).build(), neutron);
            neutron.first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Watched<TraceflowProbe> probes = new Watched<>();
            TraceflowChannelGrpc.newStub(toManager.of(host1)).probes(TraceflowHello.newBuilder().setHostId(host1).build(), probes);
            TransportSecurity host1Transport = manager.transportFor(ComponentIdentity.host(HostId.of(host1)));
            try (ControllerChannels toController = new ControllerChannels(host1Transport)) {
                Watched<ControllerMessage> session = new Watched<>();
                StreamObserver<HostMessage> out = HostChannelGrpc.newStub(toController.channel(controller)).connect(session);
                out.onNext(HostMessage.newBuilder().setHello(Hello.newBuilder().setHostId(host1).setPort(40_001)).build());
                assertThat(session.first.get(WAIT.toSeconds(), TimeUnit.SECONDS).hasWelcome()).isTrue();

                JsonNode listed = admin.get("/certificates").body();
                String serial = host1Transport instanceof TransportSecurity.MutualTls tls
                        ? tls.own().certificate().getSerialNumber().toString(16) : "";
                assertThat(listed.findValuesAsText("serial")).contains(serial);

                // Only an enterprise administrator revokes, and only what exists.
                String engineer = admin.post("/tokens", "{\"name\":\"ops\",\"role\":\"network_engineer\"}").at("/secret").asText();
                assertThat(new ApiClient(manager.apiPort()).withToken(engineer)
                        .post("/certificates/host/" + host1 + "/revoke", "{}").status()).isEqualTo(403);
                ApiClient.Reply badKind = admin.post("/certificates/router/" + host1 + "/revoke", "{}");
                assertThat(badKind.status()).isEqualTo(400);
                assertThat(badKind.at("/field").asText()).isEqualTo("component");
                ApiClient.Reply none = admin.post("/certificates/host/host-77/revoke", "{}");
                assertThat(none.status()).isEqualTo(404);
                assertThat(none.at("/field").asText()).isEqualTo("name");
                assertThat(admin.post("/certificates/manager/manager/revoke", "{}").status()).isEqualTo(409);
                ApiClient.Reply ensemble = admin.post("/certificates/controller/zookeeper/revoke", "{}");
                assertThat(ensemble.status()).as(ensemble.text()).isEqualTo(409);
                assertThat(ensemble.at("/field").asText()).isEqualTo("name");

                ApiClient.Reply revoked = admin.post("/certificates/host/" + host1 + "/revoke", "{}");
                assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
                assertThat(revoked.at("/serial").asText()).isEqualTo(serial);
                assertThat(revoked.at("/revoked").asBoolean()).isTrue();

                // Both open streams end now, not at their next handshake.
                Status atController = session.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(atController.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(atController.getDescription()).isEqualTo("the certificate of host " + host1 + " was revoked");
                assertThat(configs.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(neutron.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(probes.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(admin.post("/certificates/host/" + host1 + "/revoke", "{}").status())
                        .as("revoked already: it holds none").isEqualTo(404);
            }

            // A new connection with the revoked certificate fails its handshake.
            ManagedChannel again = Grpc.newChannelBuilderForAddress("127.0.0.1", manager.southboundPort(),
                    host1Transport.channelCredentials(ComponentKind.MANAGER)).build();
            try {
                assertThatThrownBy(() -> HostConfigChannelGrpc.newBlockingStub(again).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .reportRealized(HostRealized.newBuilder().setHostId(host1).build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            } finally {
                again.shutdownNow();
            }
            assertThat(admin.get("/certificates").body().findValuesAsText("name")).doesNotContain(host1);

            // host-2 goes on.
            HostConfigChannelGrpc.newBlockingStub(toManager.of(host2)).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .reportRealized(HostRealized.newBuilder().setHostId(host2).build());
        }
    }
}
