package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.runtime.Fixtures.SEGMENT;
import static org.netweave.controller.runtime.Fixtures.connection;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.mac;
import static org.netweave.controller.runtime.Fixtures.route;
import static org.netweave.controller.runtime.Fixtures.settings;
import static org.netweave.controller.runtime.Fixtures.vlanLif;
import static org.netweave.controller.runtime.Fixtures.vxlanLif;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.model.BridgeId;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

class RuntimeTablesTest {
    private static final Vni WEB = Vni.of(5001);
    private static final Vni APP = Vni.of(5002);
    private static final DlrId DLR = DlrId.of("1460487509");
    private static final MacAddress VM1 = mac("00:50:56:ae:9b:be");
    private static final MacAddress VM2 = mac("00:50:56:a6:7a:a2");
    private static final MacAddress VM3 = mac("00:50:56:a6:00:03");

    /** The hosts of the scenario: name, management IP, VTEP. */
    private record Host(String name, String hostIp, String vtep) {
        HostConnection over(int connectionId) {
            return connection(connectionId, name, hostIp, 20000 + connectionId);
        }

        void join(RuntimeTables tables, Vni vni, HostConnection c) {
            tables.logicalSwitch(vni).orElseThrow().join(c, ip(vtep), SEGMENT, mac("00:50:56:60:00:" + vtep.substring(12)));
        }
    }

    private static final Host A = new Host("esx-a", "192.168.110.51", "192.168.250.51");
    private static final Host B = new Host("esx-b", "192.168.110.52", "192.168.250.52");
    private static final Host C = new Host("esx-c", "192.168.110.53", "192.168.250.53");

    /** What the manager configured: the same on every owner. */
    private static void configure(RuntimeTables tables) {
        tables.putLogicalSwitch(settings(WEB));
        tables.putLogicalSwitch(new LogicalSwitchSettings(APP, "app", ReplicationMode.HYBRID, false));
        DlrRuntime dlr = tables.putDlr(DLR, "default+edge-1");
        dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"));
        dlr.putLif(vxlanLif("lif-app", 5002, "172.16.20.1/24"));
        dlr.putLif(vlanLif("lif-phys", 100, "192.168.100.1/24"));
        dlr.putBridge(new DlrBridge(BridgeId.of("1"), Vni.of(5003), VlanId.of(300), HostId.of("esx-b")));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.100.254", "lif-phys")), ControlVmId.of("edge-1-0"));
    }

    /**
     * The history before a failover: VM1 moved from A to B (A's late removal is ignored), and C
     * reconnected once, its old stream ending after the new one had re-reported.
     */
    private static RuntimeTables beforeFailover() {
        RuntimeTables tables = new RuntimeTables(ControllerId.of("controller-1"));
        configure(tables);
        HostConnection a = A.over(1);
        HostConnection b = B.over(2);
        HostConnection c = C.over(3);
        A.join(tables, WEB, a);
        B.join(tables, WEB, b);
        B.join(tables, APP, b);
        C.join(tables, APP, c);
        LogicalSwitchRuntime web = tables.logicalSwitch(WEB).orElseThrow();
        LogicalSwitchRuntime app = tables.logicalSwitch(APP).orElseThrow();
        web.reportMacs(a.id(), List.of(VM1), List.of());
        web.reportArps(a.id(), Map.of(ip("172.16.10.11"), VM1), List.of());
        web.reportMacs(b.id(), List.of(VM1, VM2), List.of());
        web.reportArps(b.id(), Map.of(ip("172.16.10.11"), VM1, ip("172.16.10.12"), VM2), List.of());
        web.reportMacs(a.id(), List.of(), List.of(VM1));
        app.reportMacs(c.id(), List.of(VM3), List.of());
        HostConnection c2 = C.over(9);
        C.join(tables, APP, c2);
        app.reportMacs(c2.id(), List.of(VM3), List.of());
        tables.disconnect(c.id());
        DlrRuntime dlr = tables.dlr(DLR).orElseThrow();
        dlr.hostJoined(a);
        dlr.hostJoined(b);
        dlr.hostJoined(c2);
        return tables;
    }

    /** A new owner after the failover: hosts reconnect with new ids, in another order, and re-report what they hold. */
    private static RuntimeTables afterFailover() {
        RuntimeTables tables = new RuntimeTables(ControllerId.of("controller-2"));
        configure(tables);
        HostConnection c = C.over(101);
        HostConnection b = B.over(102);
        HostConnection a = A.over(103);
        DlrRuntime dlr = tables.dlr(DLR).orElseThrow();
        dlr.hostJoined(c);
        C.join(tables, APP, c);
        tables.logicalSwitch(APP).orElseThrow().reportMacs(c.id(), List.of(VM3), List.of());
        B.join(tables, APP, b);
        B.join(tables, WEB, b);
        LogicalSwitchRuntime web = tables.logicalSwitch(WEB).orElseThrow();
        web.reportArps(b.id(), Map.of(ip("172.16.10.12"), VM2, ip("172.16.10.11"), VM1), List.of());
        web.reportMacs(b.id(), List.of(VM2, VM1), List.of());
        dlr.hostJoined(b);
        A.join(tables, WEB, a);
        dlr.hostJoined(a);
        return tables;
    }

    @Test
    void theNewOwnersTablesAfterAFailoverEqualTheTablesBeforeItWhateverTheConnectionIds() {
        RuntimeTablesSnapshot before = beforeFailover().snapshot();
        RuntimeTablesSnapshot after = afterFailover().snapshot();

        assertThat(after).isEqualTo(before);
        assertThat(before.logicalSwitches()).hasSize(2);
        assertThat(before.logicalSwitches().get(0).macs()).containsExactly(
                new LogicalSwitchTables.Mac(VM2, ip("192.168.250.52"), HostId.of("esx-b")),
                new LogicalSwitchTables.Mac(VM1, ip("192.168.250.52"), HostId.of("esx-b")));
        assertThat(before.dlrs().get(0).state().designatedInstances()).containsKey(LifId.of("lif-phys"));
    }

    @Test
    void aHostThatDidNotReReportMakesTheTablesDiffer() {
        RuntimeTables after = afterFailover();
        after.logicalSwitch(APP).orElseThrow().reportMacs(ConnectionId.of(101), List.of(), List.of(VM3));

        assertThat(after.snapshot()).isNotEqualTo(beforeFailover().snapshot());
    }

    @Test
    void aDisconnectLeavesEveryVniAndDlrAndReturnsOnlyWhatChanged() {
        RuntimeTables tables = beforeFailover();
        DlrRuntime dlr = tables.dlr(DLR).orElseThrow();
        HostId designated = dlr.state().designatedInstances().get(LifId.of("lif-phys"));
        HostConnection gone = dlr.joinedConnections().stream().filter(c -> c.host().equals(designated))
                .findFirst().orElseThrow();

        DisconnectOutcome outcome = tables.disconnect(gone.id());

        assertThat(outcome.changedDlrs()).containsExactly(DLR);
        assertThat(outcome.vniDeltas()).allSatisfy(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(outcome.vniDeltas()).extracting(VniDelta::vni).isSortedAccordingTo(Vni::compareTo);
        assertThat(tables.logicalSwitches()).allSatisfy(ls -> assertThat(ls.isJoined(gone.id())).isFalse());
        assertThat(tables.disconnect(gone.id()).isEmpty()).as("a second disconnect").isTrue();
    }

    @Test
    void aHostsDisconnectTakesItsVtepAndMacsOutOfEveryVniItJoined() {
        RuntimeTables tables = beforeFailover();

        DisconnectOutcome outcome = tables.disconnect(ConnectionId.of(2));

        assertThat(outcome.vniDeltas()).extracting(VniDelta::vni).containsExactly(WEB, APP);
        assertThat(outcome.vniDeltas().get(0).macsRemoved()).containsExactly(VM2, VM1);
        assertThat(outcome.vniDeltas().get(1).vtepsRemoved()).containsExactly(ip("192.168.250.52"));
    }

    @Test
    void puttingAnExistingLogicalSwitchOrDlrUpdatesItInPlaceKeepingItsTables() {
        RuntimeTables tables = beforeFailover();
        int macs = tables.logicalSwitch(WEB).orElseThrow().snapshot().macs().size();

        LogicalSwitchRuntime web = tables.putLogicalSwitch(new LogicalSwitchSettings(WEB, "web-renamed",
                ReplicationMode.MULTICAST, false));
        DlrRuntime dlr = tables.putDlr(DLR, "tenant+edge-1");

        assertThat(web.settings().name()).isEqualTo("web-renamed");
        assertThat(web.snapshot().macs()).hasSize(macs);
        assertThat(dlr.name()).isEqualTo("tenant+edge-1");
        assertThat(dlr.state().lifs()).hasSize(3);
    }

    @Test
    void deletingAnObjectReturnsItSoTheOwnerCanTellItsHosts() {
        RuntimeTables tables = beforeFailover();

        assertThat(tables.deleteLogicalSwitch(WEB)).hasValueSatisfying(ls -> assertThat(ls.joinedConnections()).hasSize(2));
        assertThat(tables.deleteLogicalSwitch(WEB)).isEmpty();
        assertThat(tables.deleteDlr(DLR)).hasValueSatisfying(d -> assertThat(d.joinedHosts()).hasSize(3));
        assertThat(tables.logicalSwitches()).extracting(LogicalSwitchRuntime::vni).containsExactly(APP);
        assertThat(tables.dlrs()).isEmpty();
    }

    @Test
    void droppingLostSlicesRemovesExactlyTheMatchingObjects() {
        RuntimeTables tables = beforeFailover();

        DroppedObjects dropped = tables.dropObjects(vni -> vni.value() % 2 == 0, dlr -> true);

        assertThat(dropped).isEqualTo(new DroppedObjects(List.of(APP), List.of(DLR)));
        assertThat(tables.logicalSwitches()).extracting(LogicalSwitchRuntime::vni).containsExactly(WEB);
        assertThat(tables.dlr(DLR)).isEmpty();
    }

    @Test
    void theSnapshotsOfNodesSharingTheObjectsMergeIntoTheWhole() {
        RuntimeTables node1 = beforeFailover();
        RuntimeTables node2 = beforeFailover();
        RuntimeTablesSnapshot whole = node1.snapshot();
        node1.dropObjects(vni -> vni.equals(APP), dlr -> false);
        node2.dropObjects(vni -> !vni.equals(APP), dlr -> true);

        assertThat(RuntimeTablesSnapshot.merge(List.of(node2.snapshot(), node1.snapshot()))).isEqualTo(whole);
    }

    @Test
    void anObjectHeldByTwoNodesIsASplitBrainAndIsNotMerged() {
        RuntimeTablesSnapshot one = beforeFailover().snapshot();

        assertThatThrownBy(() -> RuntimeTablesSnapshot.merge(List.of(one, one)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vni 5001 is held by two nodes");
    }
}
