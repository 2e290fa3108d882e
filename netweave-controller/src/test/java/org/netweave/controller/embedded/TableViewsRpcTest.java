package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.owner.WireTranslation;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.ShowDlrTablesRequest;
import org.netweave.proto.controller.v1.ShowVniTablesRequest;
import org.netweave.proto.controller.v1.VniTablesView;
import org.netweave.proto.controller.v1.Vtep;
import org.netweave.proto.controller.v1.WriteResult;

/**
 * ShowVniTables and ShowDlrTables on a real three-node embedded cluster: the owner answers with
 * the rows hosts reported and the control VM pushed, a node that does not own the object answers
 * empty and names the owner, and a malformed request is refused as an invalid argument.
 */
@Tag("embedded-zookeeper")
class TableViewsRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Vni VNI = Vni.of(7101);
    private static final DlrId DLR = DlrId.of("edge-7");
    private static final MacAddress VM = MacAddress.of(0x0250_5601_0001L);
    private static final Ipv4Address VM_IP = Ipv4Address.of(0x0A000A0A);

    @TempDir
    static Path dir;

    private static EmbeddedControllerCluster cluster;
    private static ControllerChannels channels;
    private static HostSession host;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedControllerCluster.start(3, dir, FAST, SESSION_TIMEOUT);
        channels = new ControllerChannels();
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.nodes().stream()
                .allMatch(node -> node.owner().actingForAllAssigned()));
        ControllerWriter writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, WAIT);
        assertThat(writer.createLogicalSwitch(VNI, "web", ReplicationMode.HYBRID, true).hasApplied()).isTrue();
        assertThat(writer.putVniPlacement(VNI, WireTranslation.toWire(VniPlacement.builder()
                .port(HostId.of("host-a"), VM, VM_IP).build())).hasApplied()).isTrue();
        assertThat(writer.createDlr(DLR, "tenant+edge-7", List.of("vm-ctl")).hasApplied()).isTrue();
        assertThat(writer.putLif(DLR, Lif.newBuilder().setLifId("lif-1").setVni(VNI.value()).setIp(0x0A000A01)
                .setPrefixLength(24).setMac(0x0250_5600_0001L).setMtu(1500).build()).hasApplied()).isTrue();
        assertThat(writer.pushForwardingTable(DLR, "vm-ctl", List.of(Route.newBuilder()
                .setPrefix(Ipv4Prefix.newBuilder().setAddress(0xC0A80000).setLength(16))
                .setNextHop(0x0A000AFE).setLifId("lif-1").build())).hasApplied()).isTrue();
        // Another DLR's control VM cannot replace this DLR's routes, even pushing under its own name.
        WriteResult foreign = writer.pushForwardingTable(DLR, "vm-other-dlr", List.of());
        assertThat(foreign.getRefused().getReason()).isEqualTo(Refused.Reason.NOT_PERMITTED);
        assertThat(foreign.getRefused().getDetail()).contains("vm-other-dlr is not a control VM of dlr");
        Vtep vtep = Vtep.newBuilder().setIp(0xAC1F0101).setSegment(Ipv4Prefix.newBuilder().setAddress(0xAC1F0100)
                .setLength(24)).setMac(0x0250_56BB_0001L).build();
        host = new HostSession(HostId.of("host-a"), Ipv4Address.of(0x0AFE0001), 40_001, vtep, cluster.hostAddresses(),
                channels, SliceSpace.DEFAULT);
        host.start();
        host.joinVni(VNI, new HostSession.VniBindings(Set.of(VM), Map.of(VM_IP, VM)));
        host.joinDlr(DLR);
        await().atMost(WAIT).until(host::isSettled);
    }

    @AfterAll
    static void stop() {
        host.close();
        channels.close();
        cluster.close();
    }

    private static ControllerId owner(Role role, int slice) {
        return cluster.nodes().getFirst().coordinator().assignment(role).assignment().ownerOf(slice).orElseThrow();
    }

    private static ManagerChannelGrpc.ManagerChannelBlockingStub stub(ControllerNode node) {
        return ManagerChannelGrpc.newBlockingStub(channels.channel(node.hostAddress()));
    }

    private static VniTablesView vni(ControllerNode node) {
        return stub(node).showVniTables(ShowVniTablesRequest.newBuilder().setVni(VNI.value()).build());
    }

    @Test
    void theOwnerShowsTheVniTablesHostsReported() {
        ControllerNode owner = cluster.node(owner(Role.SWITCH_MANAGER, SliceSpace.DEFAULT.sliceOf(VNI)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(vni(owner).getArpsCount()).isEqualTo(1));
        VniTablesView view = vni(owner);

        assertThat(view.getOwnership().getOwner()).isTrue();
        assertThat(view.getOwnership().getNodeId()).isEqualTo(owner.id().value());
        assertThat(view.getOwnership().getOwnerNode().getAddress()).isEqualTo(owner.hostAddress());
        assertThat(view.getOwnership().getEpoch()).isPositive();
        assertThat(view.getPresent()).isTrue();
        assertThat(view.getName()).isEqualTo("web");
        assertThat(view.getReplicationMode()).isEqualTo(ReplicationMode.HYBRID);
        assertThat(view.getArpProxy()).isTrue();
        assertThat(view.getVteps(0).getIp()).isEqualTo(0xAC1F0101);
        assertThat(view.getVteps(0).getSegment().getLength()).isEqualTo(24);
        assertThat(view.getMacs(0).getMac()).isEqualTo(VM.value());
        assertThat(view.getMacs(0).getVtepIp()).isEqualTo(0xAC1F0101);
        assertThat(view.getArps(0).getIp()).isEqualTo(VM_IP.value());
        assertThat(view.getConnectionsList()).singleElement().satisfies(c -> {
            assertThat(c.getHostId()).isEqualTo("host-a");
            assertThat(c.getHostIp()).isEqualTo(0x0AFE0001);
            assertThat(c.getId()).isEqualTo(view.getMacs(0).getConnectionId());
        });
    }

    @Test
    void aNodeThatDoesNotOwnTheVniAnswersEmptyAndNamesTheOwner() {
        ControllerId owner = owner(Role.SWITCH_MANAGER, SliceSpace.DEFAULT.sliceOf(VNI));
        ControllerNode other = cluster.nodes().stream().filter(n -> !n.id().equals(owner)).findFirst().orElseThrow();

        VniTablesView view = vni(other);

        assertThat(view.getOwnership().getOwner()).isFalse();
        assertThat(view.getOwnership().getNodeId()).isEqualTo(other.id().value());
        assertThat(view.getOwnership().getOwnerNode().getNodeId()).isEqualTo(owner.value());
        assertThat(view.getOwnership().getDetail()).contains(owner.value());
        assertThat(view.getPresent()).isFalse();
        assertThat(view.getMacsList()).isEmpty();
    }

    @Test
    void theDlrOwnerShowsConnectedAndPushedRoutes() {
        ControllerNode owner = cluster.node(owner(Role.LOGICAL_MANAGER, SliceSpace.DEFAULT.sliceOf(DLR)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(dlr(owner).getJoinedHostsList()).containsExactly("host-a"));
        DlrTablesView view = dlr(owner);

        assertThat(view.getOwnership().getOwner()).isTrue();
        assertThat(view.getName()).isEqualTo("tenant+edge-7");
        assertThat(view.getLifsList()).extracting(Lif::getLifId).containsExactly("lif-1");
        assertThat(view.getRoutesList()).extracting(r -> r.getPrefix().getAddress(), Route::getNextHop)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x0A000A00, 0),
                        org.assertj.core.groups.Tuple.tuple(0xC0A80000, 0x0A000AFE));
        assertThat(view.getControlVm()).isEqualTo("vm-ctl");

        ControllerNode other = cluster.nodes().stream().filter(n -> !n.id().equals(owner.id())).findFirst().orElseThrow();
        DlrTablesView elsewhere = dlr(other);
        assertThat(elsewhere.getOwnership().getOwner()).isFalse();
        assertThat(elsewhere.getOwnership().getOwnerNode().getNodeId()).isEqualTo(owner.id().value());
        assertThat(elsewhere.getRoutesList()).isEmpty();
    }

    @Test
    void aVniOutsideTheLogicalSwitchRangeIsAnInvalidArgument() {
        assertThatThrownBy(() -> stub(cluster.nodes().getFirst())
                .showVniTables(ShowVniTablesRequest.newBuilder().setVni(12).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("vni");
                });
    }

    private static DlrTablesView dlr(ControllerNode node) {
        return stub(node).showDlrTables(ShowDlrTablesRequest.newBuilder().setDlrId(DLR.value()).build());
    }
}
