package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.cluster.ZkLayout;
import org.netweave.controller.owner.ObjectStore;
import org.netweave.controller.owner.WireTranslation;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.CreateLogicalSwitchRequest;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Vtep;
import org.netweave.proto.controller.v1.WriteResult;

/**
 * Requests reach the owner: a non-owner redirects, an owner refuses a write routed by an epoch
 * from before it owned the object, a deposed owner's store write is fenced out, and the owner
 * answers ARP-suppression queries from the bindings hosts reported.
 */
@Tag("embedded-zookeeper")
class OwnerRoutingTest {
    private static ControllerTestCluster cluster;
    private static ControllerChannels channels;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ControllerTestCluster(3);
        await().atMost(Duration.ofSeconds(60)).until(cluster::settled);
        channels = new ControllerChannels();
    }

    @AfterAll
    static void stop() {
        channels.close();
        cluster.close();
    }

    private static SliceAssignment switches() {
        return cluster.node(0).coordinator().assignment(Role.SWITCH_MANAGER).assignment();
    }

    private static ControllerNode nodeOf(ControllerId id) {
        return cluster.live().stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow();
    }

    private static WriteResult create(ControllerNode node, Vni vni, long epoch) {
        return ManagerChannelGrpc.newBlockingStub(channels.channel(node.hostAddress()))
                .createLogicalSwitch(CreateLogicalSwitchRequest.newBuilder().setVni(vni.value()).setName("ls-" + vni)
                        .setReplicationMode(ReplicationMode.UNICAST).setEpoch(epoch).build());
    }

    @Test
    void aNodeThatDoesNotOwnTheSwitchRedirectsToTheOwner() {
        Vni vni = Vni.of(7001);
        ControllerId owner = switches().ownerOf(vni, SliceSpace.DEFAULT).orElseThrow();
        ControllerNode other = cluster.live().stream().filter(node -> !node.id().equals(owner)).findFirst().orElseThrow();

        WriteResult result = create(other, vni, switches().epoch());

        assertThat(result.hasRedirect()).as("answer: %s", result).isTrue();
        assertThat(result.getRedirect().getOwner().getNodeId()).isEqualTo(owner.value());
        assertThat(result.getRedirect().getOwner().getAddress()).isEqualTo(nodeOf(owner).hostAddress());
        assertThat(result.getRedirect().getObject().getVni()).isEqualTo(vni.value());
    }

    @Test
    void theOwnerRefusesAWriteRoutedByAnEpochFromBeforeItOwnedTheSwitch() {
        Vni vni = Vni.of(7002);
        ControllerId owner = switches().ownerOf(vni, SliceSpace.DEFAULT).orElseThrow();

        WriteResult stale = create(nodeOf(owner), vni, 0);
        WriteResult current = create(nodeOf(owner), vni, switches().epoch());

        assertThat(stale.getRefused().getReason()).isEqualTo(Refused.Reason.STALE_EPOCH);
        assertThat(stale.getRefused().getDetail()).contains("epoch 0 is older than");
        assertThat(stale.getRefused().getAssignment().getEpoch()).isEqualTo(switches().epoch());
        assertThat(current.hasApplied()).as("answer: %s", current).isTrue();
    }

    @Test
    void aStoreWriteUnderASupersededAssignmentVersionIsFencedOut() throws Exception {
        ControllerNode node = cluster.node(0);
        int version = node.coordinator().assignment(Role.SWITCH_MANAGER).zkVersion();
        ObjectStore store = new ObjectStore(node.zooKeeper());
        LogicalSwitchRecord record = LogicalSwitchRecord.newBuilder().setVni(7003).setName("fenced").build();

        // A newer assignment is published (same content, next version), as a master would after a node change.
        byte[] current = node.zooKeeper().getData().forPath(ZkLayout.assignment(Role.SWITCH_MANAGER));
        node.zooKeeper().setData().withVersion(version).forPath(ZkLayout.assignment(Role.SWITCH_MANAGER), current);

        assertThatThrownBy(() -> store.putSwitch(record, version))
                .isInstanceOf(ObjectStore.FencedOut.class)
                .hasMessageContaining("since version " + version);
        assertThat(node.zooKeeper().checkExists().forPath(ZkLayout.logicalSwitch(Vni.of(7003)))).isNull();
    }

    @Test
    void invalidWritesAreRefusedNamingTheField() {
        ControllerWriter writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, Duration.ofSeconds(20));
        WriteResult result = writer.createLogicalSwitch(Vni.of(7004), "two\nlines", ReplicationMode.UNICAST, true);
        assertThat(result.getRefused().getReason()).isEqualTo(Refused.Reason.INVALID);
        assertThat(result.getRefused().getDetail()).contains("name");
    }

    @Test
    void theOwnerAnswersArpQueriesFromReportedBindings() throws Exception {
        ControllerWriter writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, Duration.ofSeconds(20));
        Vni vni = Vni.of(7005);
        assertThat(writer.createLogicalSwitch(vni, "arp", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        MacAddress vm1 = MacAddress.of(0x0250_5601_0001L);
        Ipv4Address ip1 = Ipv4Address.of(0x0A000A0A);
        assertThat(writer.putVniPlacement(vni, WireTranslation.toWire(VniPlacement.builder()
                .port(HostId.of("host-a"), vm1, ip1).host(HostId.of("host-b")).build())).hasApplied()).isTrue();
        try (HostSession a = session("host-a", 1); HostSession b = session("host-b", 2)) {
            a.start();
            b.start();
            a.joinVni(vni, new HostSession.VniBindings(Set.of(vm1), Map.of(ip1, vm1)));
            b.joinVni(vni, new HostSession.VniBindings(Set.of(), Map.of()));
            await().atMost(Duration.ofSeconds(20)).until(() -> a.isSettled() && b.isSettled());

            assertThat(b.queryArp(vni, ip1).get()).contains(vm1);
            assertThat(b.queryArp(vni, Ipv4Address.of(0x0A000A0B)).get()).isEqualTo(Optional.empty());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(SessionTables.of(b, vni).getMacsList()).anySatisfy(mac -> assertThat(mac.getMac()).isEqualTo(vm1.value())));
        }
    }

    @Test
    void aHostThatJoinsAgainWithFewerBindingsHasTheOthersWithdrawnEverywhere() {
        ControllerWriter writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, Duration.ofSeconds(20));
        Vni vni = Vni.of(7006);
        assertThat(writer.createLogicalSwitch(vni, "withdraw", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        MacAddress kept = MacAddress.of(0x0250_5602_0001L);
        MacAddress gone = MacAddress.of(0x0250_5602_0002L);
        Ipv4Address keptIp = Ipv4Address.of(0x0A000B0A);
        Ipv4Address goneIp = Ipv4Address.of(0x0A000B0B);
        assertThat(writer.putVniPlacement(vni, WireTranslation.toWire(VniPlacement.builder()
                .port(HostId.of("host-a"), kept, keptIp).port(HostId.of("host-a"), gone, goneIp)
                .host(HostId.of("host-b")).build())).hasApplied()).isTrue();
        try (HostSession a = session("host-a", 1); HostSession b = session("host-b", 2)) {
            a.start();
            b.start();
            a.joinVni(vni, new HostSession.VniBindings(Set.of(kept, gone), Map.of(keptIp, kept, goneIp, gone)));
            b.joinVni(vni, new HostSession.VniBindings(Set.of(), Map.of()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(SessionTables.of(b, vni).getMacsList()).extracting(m -> m.getMac()).contains(gone.value()));

            a.joinVni(vni, new HostSession.VniBindings(Set.of(kept), Map.of(keptIp, kept)));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var tables = SessionTables.of(b, vni);
                assertThat(tables.getMacsList()).extracting(m -> m.getMac()).containsExactly(kept.value());
                assertThat(tables.getArpsList()).extracting(arp -> arp.getIp()).containsExactly(keptIp.value());
            });
        }
    }

    private static HostSession session(String name, int n) {
        Vtep vtep = Vtep.newBuilder().setIp(0xAC1F0100 | n).setSegment(Ipv4Prefix.newBuilder().setAddress(0xAC1F0100).setLength(24))
                .setMac(0x0250_56BB_0000L | n).build();
        return new HostSession(HostId.of(name), Ipv4Address.of(0x0AFE0000 | n), 40_000 + n, vtep, cluster.hostAddresses(),
                channels, SliceSpace.DEFAULT);
    }
}
