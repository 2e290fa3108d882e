package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.controller.runtime.Fixtures.connection;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.route;
import static org.netweave.controller.runtime.Fixtures.vlanLif;
import static org.netweave.controller.runtime.Fixtures.vxlanLif;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netweave.model.BridgeId;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** Golden text: the header lines are the NSX-V controller's, character for character. */
class LogicalRouterCliTest {
    private static final DlrId DLR = DlrId.of("1460487509");
    private static final ControllerId CONTROLLER = ControllerId.of("192.168.110.201");

    @Test
    void instancesListEveryJoinedHostOnItsOwnLine() {
        DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");
        dlr.hostJoined(connection(3, "esx-c", "192.168.210.52", 1003));
        dlr.hostJoined(connection(1, "esx-a", "192.168.110.51", 1001));
        dlr.hostJoined(connection(2, "esx-b", "192.168.110.52", 1002));
        dlr.putLif(vxlanLif("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(), ControlVmId.of("edge-1-0"));
        DlrInstanceRow idle = new DlrInstanceRow(DlrId.of("0x570d4556"), "default+edge-2", List.of(), Optional.empty());

        assertThat(LogicalRouterCli.instances(CONTROLLER, List.of(dlr.instanceRow(), idle))).isEqualTo("""
                LR-Id      LR-Name            Hosts[]         Edge-Connection Service-Controller
                0x570d4556 default+edge-2                                     192.168.110.201
                1460487509 default+edge-1     192.168.110.51  edge-1-0        192.168.110.201
                                              192.168.110.52
                                              192.168.210.52
                """);
    }

    @Test
    void interfaceSummary() {
        assertThat(LogicalRouterCli.interfaceSummary(List.of(
                vxlanLif("570d45550000000c", 5004, "10.10.10.1/24"),
                vlanLif("570d45550000000b", 100, "192.168.100.1/24"),
                vxlanLif("570d45550000000a", 5000, "172.16.10.1/24")))).isEqualTo("""
                Interface                        Type   Id           IP[]
                570d45550000000a                 vxlan  5000         172.16.10.1/24
                570d45550000000b                 vlan   100          192.168.100.1/24
                570d45550000000c                 vxlan  5004         10.10.10.1/24
                """);
    }

    @Test
    void routesShowTheControlVmsTableWithoutTheConnectedSubnets() {
        DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");
        dlr.putLif(vxlanLif("lif-up", 5003, "192.168.10.2/29"));
        dlr.replaceForwardingTable(List.of(route("10.1.0.0/16", "192.168.10.3", "lif-up"),
                route("0.0.0.0/0", "192.168.10.1", "lif-up"),
                DlrRoute.connected(Ipv4Prefix.parse("192.168.20.0/24"), LifId.of("lif-up"))), ControlVmId.of("edge-1-0"));

        assertThat(LogicalRouterCli.routes(DLR, dlr.state().forwardingTable())).isEqualTo("""
                LR-Id       Destination        Next-Hop
                1460487509  0.0.0.0/0          192.168.10.1
                1460487509  10.1.0.0/16        192.168.10.3
                1460487509  192.168.20.0/24    0.0.0.0
                """);
    }

    @Test
    void bridgesAreActiveWhileTheirHostIsJoined() {
        List<DlrBridge> bridges = List.of(
                new DlrBridge(BridgeId.of("2"), Vni.of(5005), VlanId.of(200), HostId.of("esx-c")),
                new DlrBridge(BridgeId.of("1"), Vni.of(5000), VlanId.of(100), HostId.of("esx-b")));

        assertThat(LogicalRouterCli.bridges(DLR, bridges, Set.of(HostId.of("esx-b")))).isEqualTo("""
                LR-Id       Bridge-Id   Host            Active
                1460487509  1           esx-b           true
                1460487509  2           esx-c           false
                """);
    }

    @Test
    void aValueLongerThanItsColumnWidensTheColumnForEveryRow() {
        List<DlrInstanceRow> rows = List.of(
                new DlrInstanceRow(DlrId.of("edge-1"), "a-much-longer-tenant+edge-1", List.of(ip("10.0.0.1")),
                        Optional.empty()),
                new DlrInstanceRow(DlrId.of("edge-2"), "short", List.of(), Optional.empty()));

        assertThat(LogicalRouterCli.instances(ControllerId.of("controller-1"), rows)).isEqualTo("""
                LR-Id      LR-Name                     Hosts[]         Edge-Connection Service-Controller
                edge-1     a-much-longer-tenant+edge-1 10.0.0.1                        controller-1
                edge-2     short                                                       controller-1
                """);
    }
}
