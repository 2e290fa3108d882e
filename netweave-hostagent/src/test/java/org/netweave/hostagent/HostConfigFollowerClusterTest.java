package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.embedded.EmbeddedControllerCluster;
import org.netweave.controller.runtime.DlrTables;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.manager.v1.DlrConnection;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostRealized;

/**
 * Seed 000's DLR deployment from the hosts' side, against a real three-node controller cluster
 * and an in-process manager: the hosts receive the DLR id from the manager, connect to the
 * controller that owns the DLR, get its LIFs and routes, and report all of it; they leave the DLR
 * at its owner when the configuration drops it, keep everything when the manager goes away, and
 * report again when it is back.
 */
@Tag("embedded-zookeeper")
class HostConfigFollowerClusterTest {
    private static final ZkTuning FAST = ZkTuning.ofTick(Duration.ofMillis(200));
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HostId HOST_1 = HostId.of("host-1");
    private static final HostId HOST_2 = HostId.of("host-2");
    /** VTEP addresses are data in the tables only, as in the controller tests; nothing is sent to them. */
    private static final int VTEP_1 = 0xAC1F010B;
    private static final int VTEP_2 = 0xAC1F010C;

    @TempDir
    static Path dataDir;
    private static EmbeddedControllerCluster cluster;
    private static ControllerChannels channels;
    private static ControllerWriter writer;

    private FakeManager manager;
    private ManagedChannel managerChannel;
    private HostConfigFollower host1;
    private HostConfigFollower host2;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = EmbeddedControllerCluster.start(3, dataDir, FAST, SESSION_TIMEOUT);
        await().atMost(Duration.ofSeconds(30)).until(HostConfigFollowerClusterTest::settled);
        channels = new ControllerChannels();
        writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopCluster() {
        channels.close();
        cluster.close();
    }

    @BeforeEach
    void startHosts() throws Exception {
        String name = "manager-" + System.nanoTime();
        manager = FakeManager.start(name);
        managerChannel = InProcessChannelBuilder.forName(name).build();
        host1 = new HostConfigFollower(HOST_1, managerChannel, channels, SliceSpace.DEFAULT);
        host2 = new HostConfigFollower(HOST_2, managerChannel, channels, SliceSpace.DEFAULT);
        host1.start();
        host2.start();
    }

    @AfterEach
    void stopHosts() {
        host1.close();
        host2.close();
        managerChannel.shutdownNow();
        manager.close();
    }

    @Test
    void bothHostsReportTheDlrsOwnerWithItsLifsAndRoutesAndReportAgainWhenTheRoutesChange() {
        DlrId dlr = deployDlr("edge-deploy", 1);
        manager.push(config(HOST_1, VTEP_1, 1, dlr));
        manager.push(config(HOST_2, VTEP_2, 1, dlr));

        ControllerId owner = ownerOf(dlr);
        for (HostId host : List.of(HOST_1, HOST_2)) {
            awaitReport(host, 1, connection(dlr, owner, 2, 3));
        }
        assertThat(joinedHostsAt(owner, dlr)).as("the owner's runtime table of %s", dlr).containsExactly(HOST_1, HOST_2);
        assertThat(host1.view().connectedToManager()).isTrue();
        assertThat(host1.view().dlrsJoined()).containsExactly(dlr);
        assertThat(host1.view().dlrs().get(dlr)).isEqualTo(new DlrRealization(dlr, Optional.of(owner), 2, 3));

        assertThat(writer.pushForwardingTable(dlr, "control-vm-1", List.of(defaultRoute(1), route(0x0A630000, 1)))
                .hasApplied()).isTrue();

        for (HostId host : List.of(HOST_1, HOST_2)) {
            awaitReport(host, 1, connection(dlr, owner, 2, 4));
        }
    }

    @Test
    void aDlrTakenOutOfTheConfigurationIsLeftAtItsOwnerByThatHostAloneAndCanBeJoinedAgain() {
        DlrId dlr = deployDlr("edge-remove", 2);
        manager.push(config(HOST_1, VTEP_1, 1, dlr));
        manager.push(config(HOST_2, VTEP_2, 1, dlr));
        ControllerId owner = ownerOf(dlr);
        for (HostId host : List.of(HOST_1, HOST_2)) {
            awaitReport(host, 1, connection(dlr, owner, 2, 3));
        }
        assertThat(joinedHostsAt(owner, dlr)).containsExactly(HOST_1, HOST_2);

        manager.push(config(HOST_1, VTEP_1, 2));

        awaitReport(HOST_1, 2);
        assertThat(host1.view().dlrs()).isEmpty();
        assertThat(host1.view().dlrsJoined()).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(joinedHostsAt(owner, dlr))
                .as("the owner's runtime table of %s after host-1 left it", dlr).containsExactly(HOST_2));
        assertThat(host2.view().dlrs().get(dlr)).isEqualTo(new DlrRealization(dlr, Optional.of(owner), 2, 3));

        manager.push(config(HOST_1, VTEP_1, 3, dlr));

        awaitReport(HOST_1, 3, connection(dlr, owner, 2, 3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(joinedHostsAt(owner, dlr)).containsExactly(HOST_1, HOST_2));
    }

    @Test
    void afterTheManagerRestartsTheHostsResubscribeWithTheirGenerationAndReportAgain() throws Exception {
        DlrId dlr = deployDlr("edge-restart", 3);
        manager.push(config(HOST_1, VTEP_1, 5, dlr));
        manager.push(config(HOST_2, VTEP_2, 5, dlr));
        ControllerId owner = ownerOf(dlr);
        for (HostId host : List.of(HOST_1, HOST_2)) {
            awaitReport(host, 5, connection(dlr, owner, 2, 3));
        }

        manager = manager.restart();

        for (HostId host : List.of(HOST_1, HOST_2)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(manager.hellos())
                    .anySatisfy(hello -> {
                        assertThat(hello.getHostId()).isEqualTo(host.value());
                        assertThat(hello.getAppliedGeneration()).isEqualTo(5);
                    }));
            awaitReport(host, 5, connection(dlr, owner, 2, 3));
        }
        assertThat(host1.view().connectedToManager()).isTrue();
        assertThat(joinedHostsAt(owner, dlr)).as("headless: the controller session outlived the manager")
                .containsExactly(HOST_1, HOST_2);
    }

    @Test
    void aHostWithoutAVtepAppliesTheGenerationButHasNoSessionToJoinOn() {
        DlrId dlr = DlrId.of("edge-unprepared");
        manager.push(config(HOST_1, 0, 1, dlr));

        awaitReport(HOST_1, 1, DlrConnection.newBuilder().setDlrId(dlr.value()).build());
        assertThat(host1.view().dlrsJoined()).isEmpty();
    }

    @Test
    void aLongerControllerListReplacesTheSessionAndTheDlrIsJoinedAgainOnTheNewOne() {
        DlrId dlr = deployDlr("edge-grow", 4);
        HostConfig first = config(HOST_1, VTEP_1, 1, dlr);
        manager.push(first.toBuilder().clearControllers().addControllers(cluster.hostAddresses().getFirst()).build());
        ControllerId owner = ownerOf(dlr);
        awaitReport(HOST_1, 1, connection(dlr, owner, 2, 3));

        manager.push(config(HOST_1, VTEP_1, 2, dlr));

        awaitReport(HOST_1, 2, connection(dlr, owner, 2, 3));
        assertThat(host1.view().dlrsJoined()).containsExactly(dlr);
        await().atMost(WAIT).untilAsserted(() -> assertThat(joinedHostsAt(owner, dlr)).containsExactly(HOST_1));
    }

    @Test
    void anInvalidConfigurationIsRefusedWholeAndTheNextOneApplies() {
        DlrId dlr = deployDlr("edge-invalid", 5);
        manager.push(config(HOST_2, VTEP_2, 1, dlr));
        ControllerId owner = ownerOf(dlr);
        awaitReport(HOST_2, 1, connection(dlr, owner, 2, 3));

        manager.push(config(HOST_2, VTEP_2, 2).toBuilder().addDlrs(DlrInstanceConfig.newBuilder().setDlrId("not an id")).build());
        manager.push(config(HOST_2, VTEP_2, 3, dlr));

        awaitReport(HOST_2, 3, connection(dlr, owner, 2, 3));
        assertThat(manager.reports()).as("generation 2 was not applied, not even in part")
                .noneSatisfy(report -> assertThat(report.getAppliedGeneration()).isEqualTo(2));
        assertThat(host2.view().dlrsJoined()).containsExactly(dlr);
    }

    // ---- the manager's and the control VM's side ----

    /** Creates a DLR with two VXLAN LIFs and a control VM's default route, as the manager and control VM do. */
    private static DlrId deployDlr(String id, int n) {
        DlrId dlr = DlrId.of(id);
        assertThat(writer.createDlr(dlr, "default+" + id, List.of("control-vm-" + n)).hasApplied()).isTrue();
        assertThat(writer.putLif(dlr, lif("lif-1", 5000 + 2 * n, 0x0A000001 | (n << 16) | (1 << 8))).hasApplied()).isTrue();
        assertThat(writer.putLif(dlr, lif("lif-2", 5001 + 2 * n, 0x0A000001 | (n << 16) | (2 << 8))).hasApplied()).isTrue();
        assertThat(writer.pushForwardingTable(dlr, "control-vm-" + n, List.of(defaultRoute(n))).hasApplied()).isTrue();
        return dlr;
    }

    private static Lif lif(String id, int vni, int ip) {
        return Lif.newBuilder().setLifId(id).setVni(Vni.of(vni).value()).setIp(ip).setPrefixLength(24)
                .setMac(0x0250_5600_0000L | (ip & 0xFFFF)).setMtu(1500).build();
    }

    private static Route defaultRoute(int n) {
        return route(0, n);
    }

    private static Route route(int prefix, int n) {
        return Route.newBuilder().setPrefix(Ipv4Prefix.newBuilder().setAddress(prefix).setLength(prefix == 0 ? 0 : 16))
                .setNextHop(0x0A0001FE | (n << 16)).setLifId("lif-1").build();
    }

    private static HostConfig config(HostId host, int vtep, long generation, DlrId... dlrs) {
        HostConfig.Builder config = HostConfig.newBuilder().setHostId(host.value()).setGeneration(generation)
                .setVtepIp(vtep).setRouterMac(0x0250_56FF_0001L).addAllControllers(cluster.hostAddresses());
        for (DlrId dlr : dlrs) {
            config.addDlrs(DlrInstanceConfig.newBuilder().setDlrId(dlr.value()));
        }
        return config.build();
    }

    private static DlrConnection connection(DlrId dlr, ControllerId controller, int lifs, int routes) {
        return DlrConnection.newBuilder().setDlrId(dlr.value()).setControllerId(controller.value())
                .setLifCount(lifs).setRouteCount(routes).build();
    }

    private void awaitReport(HostId host, long generation, DlrConnection... connections) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(manager.latestReport(host)).contains(HostRealized.newBuilder()
                .setHostId(host.value()).setAppliedGeneration(generation).addAllDlrConnections(List.of(connections)).build()));
    }

    // ---- what the cluster says ----

    private static boolean settled() {
        List<ControllerNode> nodes = cluster.nodes();
        SliceAssignment first = nodes.getFirst().coordinator().assignment(Role.LOGICAL_MANAGER).assignment();
        return first.sliceCounts().size() == nodes.size() && nodes.stream().allMatch(node -> {
            SliceAssignment seen = node.coordinator().assignment(Role.LOGICAL_MANAGER).assignment();
            return seen.epoch() == first.epoch() && node.coordinator().mayAct(seen) && node.owner().actingForAllAssigned();
        });
    }

    private static ControllerId ownerOf(DlrId dlr) {
        return cluster.nodes().getFirst().coordinator().assignment(Role.LOGICAL_MANAGER).assignment()
                .ownerOf(dlr, SliceSpace.DEFAULT).orElseThrow();
    }

    private static List<HostId> joinedHostsAt(ControllerId owner, DlrId dlr) {
        return cluster.node(owner).owner().snapshot().dlrs().stream().filter(tables -> tables.id().equals(dlr))
                .findFirst().map(DlrTables::joinedHosts).orElseThrow();
    }
}
