package org.netweave.manager.dlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.embedded.EmbeddedControllerCluster;
import org.netweave.controller.embedded.FreePorts;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.manager.Manager;
import org.netweave.manager.store.Database;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostAgents;
import org.netweave.manager.testing.LabTopology;
import org.netweave.manager.testing.ManagerProcess;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;

/**
 * The manager is killed (SIGKILL) in the middle of a DLR deployment and started again on the same
 * store: the job resumes at the step it was in and completes, and the DLR was never half-written.
 * The kill lands in step 5 deterministically: a host whose agent subscribed but hangs (never
 * reports) holds that step until the manager dies; after the restart it is gone.
 */
@Tag("embedded-zookeeper")
class ManagerCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aManagerKilledMidJobResumesTheJobOnRestartAndNothingIsHalfWritten() throws Exception {
        Path data = Files.createDirectories(dir.resolve("manager"));
        List<Integer> free = new FreePorts(InetAddress.getLoopbackAddress()).take(2);
        int apiPort = free.get(0);
        int southboundPort = free.get(1);
        // The manager's authority, opened here first: the controller it runs against and this test's
        // hosts get their certificates from it, as the manager would hand them out.
        CertificateAuthority authority = CertificateAuthority.openOrCreate(data.resolve(Manager.PKI_DIR));
        Function<ComponentIdentity, TransportSecurity> transport =
                who -> TransportSecurity.mutualTls(authority.credentialsFor(who), authority.revocations());
        try (EmbeddedControllerCluster controllers = EmbeddedControllerCluster.empty(dir.resolve("controllers"),
                ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2))) {
            controllers.secure(id -> transport.apply(ComponentIdentity.controller(id)), PeerGroupTls.ofOne(
                    authority.credentialsFor(Manager.EMBEDDED_ZOOKEEPER), authority.revocations()));
            controllers.addNode();
            Map<ControllerId, String> fleet = Map.of(ControllerId.of("controller-1"), controllers.hostAddresses().getFirst());
            Process first = ManagerProcess.launch(data, apiPort, southboundPort, fleet, dir.resolve("first.log"));
            ApiClient api = new ApiClient(apiPort);
            awaitUp(api, first);
            LabTopology lab = new LabTopology(api).compute(3).logicalSwitches("web", "app");
            String hungHost = lab.hosts.removeLast();
            try (HostAgents agents = new HostAgents(southboundPort, lab.hosts, host -> transport.apply(ComponentIdentity.host(host)))) {
                ManagedChannel hung = Grpc.newChannelBuilderForAddress("127.0.0.1", southboundPort,
                        transport.apply(ComponentIdentity.host(HostId.of(hungHost))).channelCredentials(ComponentKind.MANAGER)).build();
                HostConfigChannelGrpc.newStub(hung).subscribe(HostHello.newBuilder().setHostId(hungHost).build(),
                        new Ignore());

                var accepted = api.post("/dlrs", "{\"name\":\"r1\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                        + "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(0)
                        + "\",\"address\":\"10.0.1.1/24\"},{\"name\":\"app\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\""
                        + lab.logicalSwitches.get(1) + "\",\"address\":\"10.0.2.1/24\"}],"
                        + "\"staticRoutes\":[{\"network\":\"192.168.10.0/24\",\"nextHop\":\"10.0.1.254\"}]}");
                assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
                String job = accepted.at("/jobId").asText();
                String dlr = accepted.at("/dlrId").asText();
                await().atMost(WAIT).until(() -> api.get("/jobs/" + job).at("/steps/4/state").asText().equals("RUNNING"));

                ManagerProcess.kill(first);
                hung.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

                // Nothing half-written: the DLR is there with both LIFs and its route, as one write put it.
                try (Store store = new Store(Database.h2File(data))) {
                    int lifs = store.read(h -> h.createQuery("SELECT count(*) FROM lif WHERE dlr_id = :d")
                            .bind("d", dlr).mapTo(Integer.class).one());
                    int routes = store.read(h -> h.createQuery("SELECT count(*) FROM static_route WHERE dlr_id = :d")
                            .bind("d", dlr).mapTo(Integer.class).one());
                    String state = store.read(h -> h.createQuery("SELECT state FROM job WHERE id = :j")
                            .bind("j", job).mapTo(String.class).one());
                    assertThat(lifs).isEqualTo(2);
                    assertThat(routes).isEqualTo(1);
                    assertThat(state).isEqualTo("RUNNING");
                }

                Process second = ManagerProcess.launch(data, apiPort, southboundPort, fleet, dir.resolve("second.log"));
                try {
                    awaitUp(api, second);
                    JsonNode done = lab.awaitJob(job, "SUCCEEDED");
                    // The resumed job waits for the hosts connected to the new manager; an agent still in
                    // its reconnect backoff counts as not connected and gets the DLR when it connects,
                    // which the agents' own tables below show.
                    assertThat(done.at("/steps/4/detail").asText()).containsPattern("on 3 hosts, [0-2] applied, [1-3] not connected");
                    assertThat(api.get("/dlrs/" + dlr).at("/state").asText()).isEqualTo("DEPLOYED");
                    await().atMost(WAIT).untilAsserted(() -> {
                        for (HostConfigFollower agent : agents.all()) {
                            var onHost = agent.view().dlrs().get(DlrId.of(dlr));
                            assertThat(onHost).isNotNull();
                            assertThat(onHost.lifCount()).isEqualTo(2);
                        }
                    });
                } finally {
                    ManagerProcess.kill(second);
                }
            }
        }
    }

    private static void awaitUp(ApiClient api, Process process) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("the manager process exited").isTrue();
            try {
                return api.get("/controllers").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }

    /** The hung agent: subscribes, then never applies or reports anything. */
    private static final class Ignore implements StreamObserver<HostConfig> {
        @Override
        public void onNext(HostConfig value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
