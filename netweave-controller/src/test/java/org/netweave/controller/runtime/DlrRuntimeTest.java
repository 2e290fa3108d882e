package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.runtime.Fixtures.mac;
import static org.netweave.controller.runtime.Fixtures.route;
import static org.netweave.controller.runtime.Fixtures.vlanLif;
import static org.netweave.controller.runtime.Fixtures.vxlanLif;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

class DlrRuntimeTest {
    private static final DlrId DLR = DlrId.of("1460487509");
    private static final ControlVmId CONTROL_VM = ControlVmId.of("edge-1-0");

    private final DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");

    private static void assertRefused(ThrowingCallable call, String field, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            for (String mention : mentions) {
                assertThat(e.getMessage()).contains(mention);
            }
        });
    }

    // ---- LIFs ----

    @Test
    void aLifIsStoredOnceAndPuttingItAgainChangesNothing() {
        assertThat(dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"))).isTrue();
        assertThat(dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"))).isFalse();
        assertThat(dlr.state().lifs()).extracting(DlrLif::id).containsExactly(LifId.of("lif-web"));
    }

    @Test
    void aSecondLifOnTheSameLogicalSwitchOrVlanIsRefusedNamingTheField() {
        dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"));
        dlr.putLif(vlanLif("lif-phys", 100, "192.168.100.1/24"));

        assertRefused(() -> dlr.putLif(vxlanLif("lif-dup", 5001, "172.16.20.1/24")), "vni", "5001", "lif-web", DLR.value());
        assertRefused(() -> dlr.putLif(vlanLif("lif-dup", 100, "172.16.20.1/24")), "vlan", "100", "lif-phys");
        assertThat(dlr.putLif(vxlanLif("lif-web", 5002, "172.16.10.1/24"))).as("a LIF may move to another VNI").isTrue();
    }

    @Test
    void overlappingSubnetsOnOneDlrAreRefusedNamingTheAddress() {
        dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"));

        assertRefused(() -> dlr.putLif(vxlanLif("lif-app", 5002, "172.16.0.1/16")), "address", "overlaps LIF lif-web");
        assertRefused(() -> dlr.putLif(vxlanLif("lif-app", 5002, "172.16.10.201/30")), "address", "172.16.10.201/30");
        assertThat(dlr.state().lifs()).hasSize(1);
    }

    @Test
    void aDlrHoldsAtMost999LifsAnd9Uplinks() {
        for (int i = 0; i < 999; i++) {
            dlr.putLif(vxlanLif("lif-" + i, 5000 + i, "10." + (i / 256) + "." + (i % 256) + ".1/24"));
        }
        assertRefused(() -> dlr.putLif(vxlanLif("lif-999", 6000, "10.99.0.1/24")), "lifId", "at most 999");
        assertThat(dlr.putLif(vxlanLif("lif-5", 5005, "10.0.5.1/24"))).as("replacing an existing LIF").isFalse();

        DlrRuntime other = new DlrRuntime(DlrId.of("edge-2"), "default+edge-2");
        for (int i = 1; i <= 9; i++) {
            other.putLif(uplink("up-" + i, 5100 + i, "192.168." + i + ".2/24"));
        }
        assertRefused(() -> other.putLif(uplink("up-10", 5110, "192.168.10.2/24")), "uplink", "at most 9");
    }

    @Test
    void lifFieldsAreValidatedByName() {
        Ipv4InterfaceAddress address = Ipv4InterfaceAddress.parse("172.16.10.1/24");
        LifSegment segment = LifSegment.vxlan(Vni.of(5001));
        assertRefused(() -> LifSegment.of(Vni.of(5001), VlanId.of(100)), "segment", "exactly one");
        assertRefused(() -> LifSegment.of(null, null), "segment", "is missing");
        assertRefused(() -> new DlrLif(LifId.of("l"), segment, address, mac("01:00:5e:00:00:01"), 1500, false), "vmac");
        assertRefused(() -> new DlrLif(LifId.of("l"), segment, address, mac("02:50:56:56:44:52"), 9001, false), "mtu");
        assertRefused(() -> new DlrLif(LifId.of("l"), null, address, mac("02:50:56:56:44:52"), 1500, false), "segment");
    }

    // ---- forwarding table ----

    @Test
    void theControlVmsTableReplacesTheWholePreviousOne() {
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                route("10.1.0.0/16", "192.168.10.3", "lif-up")), CONTROL_VM);

        assertThat(dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up")), CONTROL_VM)).isTrue();
        assertThat(dlr.state().forwardingTable()).containsExactly(route("0.0.0.0/0", "192.168.10.1", "lif-up"));
        assertThat(dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up")),
                ControlVmId.of("edge-1-1"))).as("the same table from the standby control VM").isFalse();
        assertThat(dlr.controlVm()).contains(ControlVmId.of("edge-1-1"));
    }

    @Test
    void aRouteWhoseNextHopIsNotOnItsLifIsRefusedNamingTheRouteAndTheTableIsKept() {
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up")), CONTROL_VM);
        DlrStateSnapshot before = dlr.state();

        assertRefused(() -> dlr.replaceForwardingTable(List.of(route("10.1.0.0/16", "192.168.99.1", "lif-up")),
                CONTROL_VM), "nextHop", "192.168.99.1", "10.1.0.0/16 via 192.168.99.1 on lif-up");
        assertRefused(() -> dlr.replaceForwardingTable(List.of(route("10.1.0.0/16", "192.168.10.2", "lif-up")),
                CONTROL_VM), "nextHop", "of route 10.1.0.0/16");
        assertRefused(() -> dlr.replaceForwardingTable(List.of(route("10.1.0.0/16", "192.168.10.1", "lif-gone")),
                CONTROL_VM), "lifId", "lif-gone", "is not a LIF of " + DLR);
        assertRefused(() -> dlr.replaceForwardingTable(List.of(route("10.1.0.0/16", "192.168.10.1", "lif-up"),
                route("10.1.0.0/16", "192.168.10.3", "lif-up")), CONTROL_VM), "prefix", "one route per prefix");
        assertThat(dlr.state()).isEqualTo(before);
    }

    @Test
    void aConnectedRouteNeedsOnlyItsLif() {
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));

        assertThat(dlr.replaceForwardingTable(
                List.of(DlrRoute.connected(Ipv4Prefix.parse("192.168.20.0/24"), LifId.of("lif-up"))), CONTROL_VM)).isTrue();
        assertThat(dlr.state().forwardingTable()).singleElement().satisfies(r -> assertThat(r.isConnected()).isTrue());
    }

    @Test
    void routesAreTheLifsConnectedSubnetsPlusTheForwardingTableAndAConnectedSubnetWins() {
        dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"));
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                route("172.16.10.0/24", "192.168.10.1", "lif-up")), CONTROL_VM);

        assertThat(dlr.state().routes()).containsExactly(
                route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                DlrRoute.connected(Ipv4Prefix.parse("172.16.10.0/24"), LifId.of("lif-web")),
                DlrRoute.connected(Ipv4Prefix.parse("192.168.10.0/29"), LifId.of("lif-up")));
    }

    @Test
    void deletingALifWithdrawsTheRoutesThatLeaveByIt() {
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));
        dlr.putLif(vxlanLif("lif-web", 5001, "172.16.10.1/24"));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                route("10.9.0.0/16", "172.16.10.254", "lif-web")), CONTROL_VM);

        assertThat(dlr.deleteLif(LifId.of("lif-up"))).isTrue();
        assertThat(dlr.deleteLif(LifId.of("lif-up"))).isFalse();
        assertThat(dlr.state().forwardingTable()).containsExactly(route("10.9.0.0/16", "172.16.10.254", "lif-web"));
    }

    @Test
    void renumberingALifWithdrawsOnlyTheRoutesWhoseNextHopLeftItsSubnet() {
        dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                route("10.1.0.0/16", "192.168.10.6", "lif-up")), CONTROL_VM);

        assertThat(dlr.putLif(uplink("lif-up", 5003, "192.168.10.2/30"))).isTrue();

        assertThat(dlr.state().forwardingTable()).containsExactly(route("0.0.0.0/0", "192.168.10.1", "lif-up"));
    }

    // ---- bridges ----

    @Test
    void aLogicalSwitchOrVlanIsInAtMostOneBridge() {
        DlrBridge bridge = new DlrBridge(BridgeId.of("1"), Vni.of(5000), VlanId.of(100), HostId.of("esx-b"));
        assertThat(dlr.putBridge(bridge)).isTrue();
        assertThat(dlr.putBridge(bridge)).isFalse();

        assertRefused(() -> dlr.putBridge(new DlrBridge(BridgeId.of("2"), Vni.of(5000), VlanId.of(200),
                HostId.of("esx-b"))), "vni", "already bridged by 1");
        assertRefused(() -> dlr.putBridge(new DlrBridge(BridgeId.of("2"), Vni.of(5002), VlanId.of(100),
                HostId.of("esx-b"))), "vlan", "already bridged by 1");
        assertThat(dlr.putBridge(new DlrBridge(BridgeId.of("1"), Vni.of(5000), VlanId.of(100), HostId.of("esx-c"))))
                .as("moving the bridge to another host").isTrue();
        assertThat(dlr.deleteBridge(BridgeId.of("1"))).isTrue();
        assertThat(dlr.state().bridges()).isEmpty();
    }

    // ---- hosts ----

    @Test
    void theStateIsImmutable() {
        dlr.putLif(vlanLif("lif-phys", 100, "192.168.100.1/24"));
        dlr.hostJoined(Fixtures.connection(1, "esx-a", "192.168.110.51", 1000));
        DlrStateSnapshot state = dlr.state();

        assertThatThrownBy(() -> state.lifs().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.designatedInstances().clear()).isInstanceOf(UnsupportedOperationException.class);
        dlr.deleteLif(LifId.of("lif-phys"));
        assertThat(state.lifs()).hasSize(1);
    }

    @Test
    void aHostJoinedOverTwoStreamsStaysJoinedUntilBothEnd() {
        dlr.hostJoined(Fixtures.connection(1, "esx-a", "192.168.110.51", 1000));
        dlr.hostJoined(Fixtures.connection(2, "esx-a", "192.168.110.51", 1001));

        dlr.hostLeft(ConnectionId.of(1));
        assertThat(dlr.joinedHosts()).containsExactly(HostId.of("esx-a"));
        dlr.disconnect(ConnectionId.of(2));
        assertThat(dlr.joinedHosts()).isEmpty();
        assertThat(dlr.hostLeft(ConnectionId.of(2))).as("idempotent").isFalse();
    }

    private static DlrLif uplink(String id, int vni, String address) {
        return new DlrLif(LifId.of(id), LifSegment.vxlan(Vni.of(vni)), Ipv4InterfaceAddress.parse(address),
                mac("02:50:56:56:44:52"), 1500, true);
    }
}
