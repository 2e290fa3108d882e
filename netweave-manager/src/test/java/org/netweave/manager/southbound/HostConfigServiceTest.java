package org.netweave.manager.southbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostChannels;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.pki.ComponentIdentity;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;

/**
 * A host's configuration as its agent receives it over the real channel, following API writes:
 * its VTEP and router MAC from preparation, the zone's switches with their external VTEPs, its
 * VMs' vNICs as they are attached, powered off and moved away; and the realised state it reports.
 */
@Tag("embedded-zookeeper")
class HostConfigServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Manager manager;
    private ApiClient api;
    private HostChannels channels;
    private final AtomicReference<HostConfig> last = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        channels = new HostChannels(manager.southboundPort(), host -> manager.transportFor(ComponentIdentity.host(host)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        channels.close();
        manager.close();
    }

    private void subscribe(String host) {
        subscribe(host, last::set);
    }

    private void subscribe(String host, Consumer<HostConfig> received) {
        HostConfigChannelGrpc.newStub(channels.of(host)).subscribe(HostHello.newBuilder().setHostId(host).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(HostConfig config) {
                        received.accept(config);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    @Test
    void aHostIsServedItsOwnConfigurationOnlyAndOnlyOverMutualTls() throws Exception {
        LabTopology lab = new LabTopology(api).compute(2).logicalSwitches("web");
        String host1 = lab.hosts.get(0);
        String host2 = lab.hosts.get(1);
        // host-1's certificate asking for host-2's configuration.
        CompletableFuture<Status> refused = new CompletableFuture<>();
        HostConfigChannelGrpc.newStub(channels.of(host1)).subscribe(HostHello.newBuilder().setHostId(host2).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(HostConfig config) {
                        refused.complete(Status.OK);
                    }

                    @Override
                    public void onError(Throwable t) {
                        refused.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        refused.complete(Status.OK);
                    }
                });
        Status status = refused.get(30, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status.getDescription()).isEqualTo("host " + host1 + " may not act as host " + host2);
        assertThatThrownBy(() -> HostConfigChannelGrpc.newBlockingStub(channels.of(host1)).reportRealized(
                HostRealized.newBuilder().setHostId(host2).setAppliedGeneration(1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

        ManagedChannel plaintext = Grpc.newChannelBuilderForAddress("127.0.0.1", manager.southboundPort(),
                InsecureChannelCredentials.create()).build();
        try {
            assertThatThrownBy(() -> HostConfigChannelGrpc.newBlockingStub(plaintext).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .reportRealized(HostRealized.newBuilder().setHostId(host1).setAppliedGeneration(1).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            plaintext.shutdownNow();
        }
    }

    @Test
    void aHostsConfigurationFollowsTheWritesThatConcernIt() {
        LabTopology lab = new LabTopology(api).compute(2).logicalSwitches("web");
        String web = lab.logicalSwitches.getFirst();
        String host1 = lab.hosts.get(0);
        subscribe(host1);
        await().atMost(WAIT).until(() -> last.get() != null && last.get().getLogicalSwitchesCount() == 1);
        HostConfig first = last.get();
        var prepared = api.get("/hosts/" + host1).body();
        assertThat(Ipv4Address.of(first.getVtepIp()).toString()).isEqualTo(prepared.at("/vtepIp").asText());
        assertThat(MacAddress.of(first.getRouterMac()).toString()).isEqualTo(prepared.at("/routerMac").asText());
        assertThat(first.getLogicalSwitches(0).getVni()).isEqualTo(5000);

        assertThat(api.put("/logical-switches/" + web + "/external-vteps/172.16.0.9",
                "{\"bindings\":[{\"mac\":\"00:aa:00:00:00:02\",\"ip\":\"10.0.1.50\"}]}").status()).isBetween(200, 201);
        await().atMost(WAIT).until(() -> last.get().getLogicalSwitches(0).getExternalVtepsCount() == 1);
        assertThat(last.get().getLogicalSwitches(0).getExternalVteps(0).getBindings(0).getIp())
                .isEqualTo(Ipv4Address.parse("10.0.1.50").value());

        var vm = api.post("/vms", "{\"name\":\"vm1\",\"hostId\":\"" + host1 + "\",\"vnics\":[{\"ip\":\"10.0.1.10\"}]}");
        assertThat(vm.status()).as(vm.text()).isEqualTo(201);
        String vmId = vm.at("/id").asText();
        assertThat(api.put("/vms/" + vmId + "/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> last.get().getVnicsCount() == 1 && last.get().getVnics(0).getVni() == 5000);
        assertThat(last.get().getVnics(0).getConnected()).isTrue();

        // The host reports it applied this configuration: the VM is realised on it.
        long generation = last.get().getGeneration();
        HostConfigChannelGrpc.newBlockingStub(channels.of(host1)).reportRealized(HostRealized.newBuilder().setHostId(host1)
                .setAppliedGeneration(generation).build());
        await().atMost(WAIT).until(() -> api.get("/vms/" + vmId).at("/realization/state").asText().equals("REALIZED"));

        assertThat(api.post("/vms/" + vmId + "/power-off", "{}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !last.get().getVnics(0).getConnected());
        assertThat(api.get("/vms/" + vmId).at("/realization/state").asText()).isEqualTo("IN_PROGRESS");

        assertThat(api.post("/vms/" + vmId + "/migrate", "{\"hostId\":\"" + lab.hosts.get(1) + "\"}").status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> last.get().getVnicsCount() == 0);
        assertThat(manager.realization().isConnected(HostId.of(host1))).isTrue();
    }

    @Test
    void aWriteThatConcernsOneHostIsSentToThatHostOnly() {
        LabTopology lab = new LabTopology(api).compute(2).logicalSwitches("web");
        String web = lab.logicalSwitches.getFirst();
        String host1 = lab.hosts.get(0);
        List<HostConfig> toHost2 = new CopyOnWriteArrayList<>();
        subscribe(host1);
        subscribe(lab.hosts.get(1), toHost2::add);
        await().atMost(WAIT).until(() -> last.get() != null && !toHost2.isEmpty());
        String vmId = api.post("/vms", "{\"name\":\"vm1\",\"hostId\":\"" + host1 + "\",\"vnics\":[{}]}").at("/id").asText();

        long attached = api.put("/vms/" + vmId + "/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}").at("/generation").asLong();
        await().atMost(WAIT).until(() -> last.get().getVnicsCount() == 1 && last.get().getVnics(0).getVni() == 5000);
        // A write that concerns both hosts: once host 2 has it, anything sent to it before has arrived.
        long added = api.post("/logical-switches", "{\"name\":\"app\",\"transportZoneId\":\"" + lab.transportZone + "\"}")
                .at("/generation").asLong();
        await().atMost(WAIT).until(() -> toHost2.getLast().getLogicalSwitchesCount() == 2);

        assertThat(toHost2).extracting(HostConfig::getGeneration).noneMatch(g -> g >= attached && g < added);
    }
}
