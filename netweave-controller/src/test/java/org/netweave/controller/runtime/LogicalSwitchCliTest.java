package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.controller.runtime.Fixtures.SEGMENT;
import static org.netweave.controller.runtime.Fixtures.connection;
import static org.netweave.controller.runtime.Fixtures.id;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.mac;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/**
 * Golden text. The vni and vtep-table headers are the NSX-V controller's, character for character,
 * as published outputs show them; no published output of connection-table, mac-table or arp-table
 * was found, so their widths follow the same pattern (IP 16, MAC 18, one space after the longest).
 */
class LogicalSwitchCliTest {
    private static final Vni VNI = Vni.of(5001);
    private static final ControllerId CONTROLLER = ControllerId.of("192.168.110.201");

    @Test
    void vniSummary() {
        LogicalSwitchSettings settings = new LogicalSwitchSettings(VNI, "web", ReplicationMode.UNICAST, true);

        assertThat(LogicalSwitchCli.vni(CONTROLLER, settings, 6, 4)).isEqualTo("""
                VNI      Controller      BUM-Replication ARP-Proxy Connections VTEPs
                5001     192.168.110.201 Unicast         Enabled   6           4
                """);
        assertThat(LogicalSwitchCli.vni(ControllerId.of("controller-1"),
                new LogicalSwitchSettings(Vni.of(16777215), "x", ReplicationMode.MULTICAST, false), 0, 0)).isEqualTo("""
                VNI      Controller      BUM-Replication ARP-Proxy Connections VTEPs
                16777215 controller-1    Multicast       Disabled  0           0
                """);
    }

    @Test
    void vniSummaryOfALiveSwitchCountsItsConnectionsAndVteps() {
        LogicalSwitchRuntime ls = new LogicalSwitchRuntime(new LogicalSwitchSettings(VNI, "web", ReplicationMode.HYBRID, true));
        ls.join(connection(2, "esx-a", "192.168.110.51", 17499), ip("192.168.250.51"), SEGMENT, mac("00:50:56:66:e2:ef"));

        assertThat(LogicalSwitchCli.vni(CONTROLLER, ls)).isEqualTo("""
                VNI      Controller      BUM-Replication ARP-Proxy Connections VTEPs
                5001     192.168.110.201 Hybrid          Enabled   1           1
                """);
    }

    @Test
    void connectionTable() {
        assertThat(LogicalSwitchCli.connectionTable(List.of(
                connection(4, "esx-c", "192.168.210.56", 42924),
                connection(2, "esx-a", "192.168.110.51", 17499),
                connection(3, "esx-b", "192.168.110.52", 46396)))).isEqualTo("""
                Host-IP         Port  ID
                192.168.110.51  17499 2
                192.168.110.52  46396 3
                192.168.210.56  42924 4
                """);
    }

    @Test
    void vtepTable() {
        Ipv4Prefix other = Ipv4Prefix.parse("192.168.150.0/24");
        assertThat(LogicalSwitchCli.vtepTable(List.of(
                new VtepRow(VNI, ip("192.168.250.53"), SEGMENT, mac("00:50:56:67:d9:91"), id(1845)),
                new VtepRow(VNI, ip("192.168.150.51"), other, mac("00:50:56:60:bc:e9"), id(3)),
                new VtepRow(VNI, ip("192.168.250.51"), SEGMENT, mac("00:50:56:66:e2:ef"), id(7))))).isEqualTo("""
                VNI      IP              Segment         MAC               Connection-ID
                5001     192.168.150.51  192.168.150.0   00:50:56:60:bc:e9 3
                5001     192.168.250.51  192.168.250.0   00:50:56:66:e2:ef 7
                5001     192.168.250.53  192.168.250.0   00:50:56:67:d9:91 1845
                """);
    }

    @Test
    void macTableOfALiveSwitch() {
        LogicalSwitchRuntime ls = new LogicalSwitchRuntime(new LogicalSwitchSettings(VNI, "web", ReplicationMode.UNICAST, true));
        HostConnection a = connection(1, "esx-a", "192.168.110.51", 17499);
        ls.join(a, ip("192.168.250.51"), SEGMENT, mac("00:50:56:66:e2:ef"));
        ls.reportMacs(a.id(), List.of(mac("00:50:56:ae:9b:be"), mac("00:50:56:a6:7a:a2")), List.of());

        assertThat(LogicalSwitchCli.macTable(ls.snapshot().macs())).isEqualTo("""
                VNI      MAC               VTEP-IP         Connection-ID
                5001     00:50:56:a6:7a:a2 192.168.250.51  1
                5001     00:50:56:ae:9b:be 192.168.250.51  1
                """);
    }

    @Test
    void arpTableOfALiveSwitch() {
        LogicalSwitchRuntime ls = new LogicalSwitchRuntime(new LogicalSwitchSettings(VNI, "web", ReplicationMode.UNICAST, true));
        HostConnection a = connection(1, "esx-a", "192.168.110.51", 17499);
        ls.join(a, ip("192.168.250.51"), SEGMENT, mac("00:50:56:66:e2:ef"));
        ls.reportArps(a.id(), Map.of(ip("172.16.10.11"), mac("00:50:56:a6:7a:a2")), List.of());

        assertThat(LogicalSwitchCli.arpTable(ls.snapshot().arps())).isEqualTo("""
                VNI      IP              MAC               Connection-ID
                5001     172.16.10.11    00:50:56:a6:7a:a2 1
                """);
    }

    @Test
    void anEmptyTablePrintsItsHeaderOnly() {
        assertThat(LogicalSwitchCli.macTable(List.of())).isEqualTo("VNI      MAC               VTEP-IP         Connection-ID\n");
    }
}
