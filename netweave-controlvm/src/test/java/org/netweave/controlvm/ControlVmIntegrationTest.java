package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.embedded.EmbeddedControllerCluster;
import org.netweave.controller.runtime.ControlVmId;
import org.netweave.controller.runtime.DlrTables;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.Vtep;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmHaGrpc;
import org.netweave.proto.manager.v1.ControlVmStatus;
import org.netweave.proto.manager.v1.HaBeat;

/**
 * A control VM against a real one-node controller cluster and a fake manager: the DLR and its
 * LIFs are created on the cluster as the manager would, the control VM gets its configuration from
 * the fake manager, and a host session joined to the DLR shows what the controller holds. Each
 * test has its own DLR and its own manager, so they share one cluster.
 */
@Tag("embedded-zookeeper")
class ControlVmIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String VM = "cvm-1";

    @TempDir
    static Path dataDir;
    private static EmbeddedControllerCluster cluster;
    private static ControllerChannels channels;
    private static ControllerWriter managerWriter;

    private DlrId dlr;
    private String managerName;
    private ManagedChannel managerChannel;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = EmbeddedControllerCluster.start(1, dataDir, ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2));
        channels = new ControllerChannels();
        managerWriter = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, WAIT);
    }

    @AfterAll
    static void stopCluster() {
        channels.close();
        cluster.close();
    }

    /** The manager's part before it lets a control VM publish: the DLR and its LIFs exist on the cluster. */
    @BeforeEach
    void createDlr(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName();
        dlr = DlrId.of("edge-" + method);
        applied(managerWriter.createDlr(dlr, "dlr for " + method, List.of(VM, "cvm-a", "cvm-b")));
        for (Lif lif : Configs.LIFS) {
            applied(managerWriter.putLif(dlr, lif));
        }
        managerName = "manager-" + method;
        managerChannel = InProcessChannelBuilder.forName(managerName).build();
    }

    @AfterEach
    void closeManagerChannel() {
        managerChannel.shutdownNow();
    }

    @Test
    void theActiveControlVmPublishesItsTableToTheDlrsOwningController() throws Exception {
        try (FakeManager manager = FakeManager.start(managerName); ControlVm vm = controlVm();
             HostSession host = host("host-a", 1)) {
            vm.start();
            manager.send(config(1).build());

            await().atMost(WAIT).until(() -> published(manager, 1));
            assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getVmId()).isEqualTo(VM);
                assertThat(status.getDlrId()).isEqualTo(dlr.value());
                assertThat(status.getConfigGeneration()).isEqualTo(1);
                assertThat(status.getRouteCount()).isEqualTo(3);
                assertThat(status.getError()).isEmpty();
            });
            List<ForwardingRoute> expected = List.of(
                    route("10.0.1.0/24", "0.0.0.0", "lif-web"),
                    route("10.0.2.0/24", "0.0.0.0", "lif-app"),
                    route("192.168.10.0/24", "10.0.1.254", "lif-web"));
            assertThat(vm.view()).satisfies(view -> {
                assertThat(view.connectedToManager()).isTrue();
                assertThat(view.publication()).isEqualTo(Publication.APPLIED);
                assertThat(view.configGeneration()).isEqualTo(1);
                assertThat(view.publishedGeneration()).isEqualTo(1);
                assertThat(view.forwardingTable()).isEqualTo(expected);
                assertThat(view.lastError()).isEmpty();
            });
            assertThat(tables().controlVm()).as("the controller's edge connection").contains(ControlVmId.of(VM));

            host.start();
            host.joinDlr(dlr);
            await().atMost(WAIT).untilAsserted(() -> assertThat(hostRoutes(host)).isEqualTo(expected));
        }
    }

    @Test
    void aStandbyControlVmHoldsTheTableAndDoesNotPush() throws Exception {
        try (FakeManager manager = FakeManager.start(managerName); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(config(1).setActive(false).build());

            // The publisher decides before it shows STANDBY; a push would have come first.
            await().atMost(WAIT).until(() -> vm.view().publication() == Publication.STANDBY);
            assertThat(vm.view().forwardingTable()).hasSize(3);
            await().atMost(WAIT).until(() -> manager.lastReport().map(ControlVmStatus::getConfigGeneration).orElse(0L) == 1);
            assertThat(manager.lastReport().orElseThrow().getPublishedGeneration()).isZero();
            assertThat(tables().controlVm()).isEmpty();
            assertThat(controllerTable()).isEmpty();
        }
    }

    @Test
    void aConfigurationIsNotPushedUntilTheManagerSetsPublish() throws Exception {
        try (FakeManager manager = FakeManager.start(managerName); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(config(1).setPublish(false).build());

            await().atMost(WAIT).until(() -> vm.view().publication() == Publication.NOT_PUBLISHING);
            assertThat(controllerTable()).isEmpty();

            manager.send(config(2).build());

            await().atMost(WAIT).until(() -> published(manager, 2));
            assertThat(controllerTable()).hasSize(3);
        }
    }

    @Test
    void aTableTheControllerRefusesIsReportedWithTheRoutesLeftOut() throws Exception {
        Lif unknownToTheController = Lif.newBuilder().setLifId("lif-db").setVni(5002).setIp(0x0A000301)
                .setPrefixLength(24).setMac(0x0250_5600_0003L).build();
        try (FakeManager manager = FakeManager.start(managerName); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(config(1).addLifs(unknownToTheController)
                    .addStaticRoutes(Configs.staticRoute(0xC0A81400, 24, 0x0A0909FE)).build());

            await().atMost(WAIT).until(() -> vm.view().publication() == Publication.REFUSED);
            String error = vm.view().lastError().orElseThrow();
            assertThat(error).startsWith("the DLR's controller refused the forwarding table of generation 1: INVALID: lifId:")
                    .contains("lif-db")
                    .endsWith("1 route(s) left out of the forwarding table: 192.168.20.0/24 via 10.9.9.254: "
                            + "NEXT_HOP_OFF_LINK (on no LIF's subnet)");
            await().atMost(WAIT).untilAsserted(() -> assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getError()).isEqualTo(error);
                assertThat(status.getPublishedGeneration()).isZero();
            }));
            assertThat(controllerTable()).isEmpty();
        }
    }

    @Test
    void afterAManagerRestartTheControlVmReconnectsAndGetsItsConfigurationAgain() throws Exception {
        ControlVmConfig first = config(1).build();
        try (ControlVm vm = controlVm()) {
            try (FakeManager manager = FakeManager.start(managerName)) {
                vm.start();
                manager.send(first);
                await().atMost(WAIT).until(() -> published(manager, 1));
            }

            await().atMost(WAIT).until(() -> !vm.view().connectedToManager());
            assertThat(vm.view().configGeneration()).as("the configuration is kept").isEqualTo(1);
            assertThat(vm.view().forwardingTable()).hasSize(3);

            ControlVmConfig second = config(2).addStaticRoutes(Configs.staticRoute(0xAC100000, 12, 0x0A0002FE)).build();
            try (FakeManager restarted = FakeManager.start(managerName, second)) {
                await().atMost(WAIT).until(() -> published(restarted, 2));
                assertThat(restarted.hellos()).singleElement().satisfies(hello -> assertThat(hello.getVmId()).isEqualTo(VM));
                assertThat(vm.view().connectedToManager()).isTrue();
                assertThat(controllerTable()).contains(route("172.16.0.0/12", "10.0.2.254", "lif-app"));
            }
        }
    }

    @Test
    void aBurstOfConfigurationsEndsWithTheNewestTableApplied() throws Exception {
        try (FakeManager manager = FakeManager.start(managerName); ControlVm vm = controlVm()) {
            vm.start();
            await().atMost(WAIT).until(() -> manager.connected() == 1);
            for (int generation = 1; generation <= 10; generation++) {
                manager.send(config(generation).setStaticRoutes(0,
                        Configs.staticRoute(0xC0A80000 | (10 + generation) << 8, 24, 0x0A0001FE)).build());
            }

            await().atMost(WAIT).until(() -> published(manager, 10));
            assertThat(controllerTable()).containsExactlyElementsOf(vm.view().forwardingTable())
                    .contains(route("192.168.20.0/24", "10.0.1.254", "lif-web"));
            assertThat(manager.reports()).as("newer configurations only").extracting(ControlVmStatus::getConfigGeneration)
                    .isSorted();
            assertThat(manager.reports()).extracting(ControlVmStatus::getPublishedGeneration).isSorted();
        }
    }

    @Test
    void theStandbyOfAnHaPairTakesOverWhenTheActiveFallsSilentAndPublishes() throws Exception {
        try (FakeManager manager = FakeManager.start(managerName)) {
            ControlVm first = controlVm("cvm-a");
            ControlVm second = controlVm("cvm-b");
            first.start();
            second.start();
            await().atMost(WAIT).until(() -> manager.hellos().size() == 2);
            String addressA = manager.hellos().stream().filter(h -> h.getVmId().equals("cvm-a")).findFirst().orElseThrow()
                    .getHaAddress();
            String addressB = manager.hellos().stream().filter(h -> h.getVmId().equals("cvm-b")).findFirst().orElseThrow()
                    .getHaAddress();
            // One manager stream per control VM: each gets its own role and its peer's address.
            manager.sendTo("cvm-a", config(1).setActive(true).setPeerHaAddress(addressB).setPeerVmId("cvm-b")
                    .setHeartbeatIntervalMs(100).setDeadTimeMs(600).build());
            manager.sendTo("cvm-b", config(1).setActive(false).setPeerHaAddress(addressA).setPeerVmId("cvm-a")
                    .setHeartbeatIntervalMs(100).setDeadTimeMs(600).build());

            await().atMost(WAIT).until(() -> first.view().publication() == Publication.APPLIED);
            assertThat(second.view().publication()).isEqualTo(Publication.STANDBY);
            assertThat(tables().controlVm()).contains(ControlVmId.of("cvm-a"));
            // Heartbeats flow: the standby keeps hearing the active and stays standby past the dead time.
            await().atMost(WAIT).until(() -> manager.reports().stream()
                    .anyMatch(r -> r.getVmId().equals("cvm-b") && !r.getActive() && r.getHaTerm() == 1));
            // A heartbeat from any other control VM is refused: a high term claiming active would
            // otherwise keep the standby from ever taking over.
            ManagedChannel intruder = Grpc.newChannelBuilder(addressB, InsecureChannelCredentials.create()).build();
            try {
                assertThatThrownBy(() -> ControlVmHaGrpc.newBlockingStub(intruder).heartbeat(HaBeat.newBuilder()
                        .setVmId("cvm-intruder").setActive(true).setTerm(99).build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                                .isEqualTo(Status.Code.PERMISSION_DENIED));
            } finally {
                intruder.shutdownNow();
            }
            assertThat(second.haRole()).hasValueSatisfying(role -> assertThat(role.term()).isEqualTo(1));

            first.close();

            await().atMost(WAIT).until(() -> second.view().publication() == Publication.APPLIED);
            assertThat(second.haRole()).hasValueSatisfying(role -> {
                assertThat(role.active()).isTrue();
                assertThat(role.term()).isEqualTo(2);
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(tables().controlVm()).contains(ControlVmId.of("cvm-b")));
            assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getVmId()).isEqualTo("cvm-b");
                assertThat(status.getActive()).isTrue();
                assertThat(status.getHaTerm()).isEqualTo(2);
            });
            second.close();
        }
    }

    private ControlVm controlVm(String vm) {
        return new ControlVm(new ControlVmSettings(vm, dlr, SliceSpace.DEFAULT, WAIT,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))), managerChannel, channels);
    }

    private ControlVm controlVm() {
        return new ControlVm(new ControlVmSettings(VM, dlr, SliceSpace.DEFAULT, WAIT,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))), managerChannel, channels);
    }

    private ControlVmConfig.Builder config(long generation) {
        return Configs.config(dlr, generation, cluster.hostAddresses());
    }

    private static boolean published(FakeManager manager, long generation) {
        return manager.lastReport().map(ControlVmStatus::getPublishedGeneration).orElse(0L) == generation;
    }

    /** The DLR as its owning controller holds it. */
    private DlrTables tables() {
        return cluster.nodes().getFirst().owner().snapshot().dlrs().stream().filter(t -> t.id().equals(dlr))
                .findFirst().orElseThrow();
    }

    /** The forwarding table the owning controller holds, as the control VM's records. */
    private List<ForwardingRoute> controllerTable() {
        return tables().state().forwardingTable().stream()
                .map(r -> new ForwardingRoute(r.prefix(), r.nextHop(), r.lif())).toList();
    }

    /** The routes the controller sent the host for the DLR; none before its DLR state arrives. */
    private List<ForwardingRoute> hostRoutes(HostSession host) {
        var state = host.dlrStates().get(dlr);
        return state == null ? List.of() : state.getRoutesList().stream().map(ProtoTranslation::route).toList();
    }

    private static ForwardingRoute route(String prefix, String nextHop, String lif) {
        return new ForwardingRoute(org.netweave.model.Ipv4Prefix.parse(prefix), Ipv4Address.parse(nextHop),
                org.netweave.model.LifId.of(lif));
    }

    private static HostSession host(String name, int n) {
        Vtep vtep = Vtep.newBuilder().setIp(0xAC1F0100 | n).setSegment(Ipv4Prefix.newBuilder().setAddress(0xAC1F0100)
                .setLength(24)).setMac(0x0250_56BB_0000L | n).build();
        return new HostSession(HostId.of(name), Ipv4Address.of(0x0AFE0000 | n), 40_000 + n, vtep,
                cluster.hostAddresses(), channels, SliceSpace.DEFAULT);
    }

    private static void applied(WriteResult result) {
        if (!result.hasApplied()) {
            throw new IllegalStateException("the controller cluster did not apply a write: " + result);
        }
    }
}
