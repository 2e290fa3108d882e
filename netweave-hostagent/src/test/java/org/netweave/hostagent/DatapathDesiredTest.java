package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.hostagent.DatapathFixtures.dlr;
import static org.netweave.hostagent.DatapathFixtures.hostA;
import static org.netweave.hostagent.DatapathFixtures.vni5000;
import static org.netweave.hostagent.DatapathFixtures.vni5001;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Bridge;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;

/** Golden text of the translation from configuration and owners' tables to a host's datapath tables. */
class DatapathDesiredTest {

    @Test
    void seed001OnHostAWithTheOwnersTables() {
        DatapathDesired desired = DatapathDesired.from(HostDesiredState.from(hostA().build()),
                Map.of(Vni.of(5000), vni5000(), Vni.of(5001), vni5001()), Map.of(DlrId.of("edge-1"), dlr()));

        assertThat(desired.lines()).containsExactly(
                "dlr id=edge-1",
                "dlr id=edge-1 lif id=lif-1 type=INTERNAL vni=5000 address=10.0.1.1/24 vmac=02:50:56:56:44:52 designated=false",
                "dlr id=edge-1 lif id=lif-2 type=INTERNAL vni=5001 address=10.0.2.1/24 vmac=02:50:56:56:44:52 designated=true",
                "dlr id=edge-1 route prefix=0.0.0.0/0 lif=lif-1 next-hop=10.0.1.254",
                "port id=vm1.000 vni=5000 mac=00:50:56:00:01:0a",
                "router mac=02:50:56:00:01:01",
                "switch vni=5000 arp ip=10.0.1.10 mac=00:50:56:00:01:0a",
                "switch vni=5000 replication=UNICAST",
                "switch vni=5001 arp ip=10.0.2.10 mac=00:50:56:00:02:0a",
                "switch vni=5001 external-vtep ip=127.0.2.1",
                "switch vni=5001 external-vtep ip=127.0.2.1 endpoint ip=10.0.2.100 mac=00:50:56:00:03:64",
                "switch vni=5001 remote-mac mac=00:50:56:00:02:0a vtep=127.0.1.12",
                "switch vni=5001 replication=UNICAST",
                "switch vni=5001 vtep ip=127.0.1.12 segment=127.0.1.12/32");
    }

    @Test
    void beforeTheOwnersAnswerOnlyTheLocalPortItsSwitchAndItsBindingAreWanted() {
        DatapathDesired desired = DatapathDesired.from(HostDesiredState.from(hostA().build()), Map.of(), Map.of());

        assertThat(desired.lines()).containsExactly(
                "port id=vm1.000 vni=5000 mac=00:50:56:00:01:0a",
                "router mac=02:50:56:00:01:01",
                "switch vni=5000 arp ip=10.0.1.10 mac=00:50:56:00:01:0a",
                "switch vni=5000 replication=UNICAST");
    }

    @Test
    void aBridgeOnThisHostAndAHybridSwitchWithItsDerivedGroup() {
        var config = hostA().clearVnics().clearLogicalSwitches()
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5001).setName("app")
                        .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.HYBRID)).build();
        var state = dlr().toBuilder().clearLifs().clearRoutes()
                .addBridges(Bridge.newBuilder().setBridgeId("br-1").setVni(5001).setVlan(100).setHostId("host-a"))
                .addBridges(Bridge.newBuilder().setBridgeId("br-2").setVni(5002).setVlan(200).setHostId("host-b")).build();

        DatapathDesired desired = DatapathDesired.from(HostDesiredState.from(config), Map.of(), Map.of(DlrId.of("edge-1"), state));

        assertThat(desired.lines()).containsExactly(
                "bridge id=br-1 vni=5001 vlan=100",
                "dlr id=edge-1",
                "router mac=02:50:56:00:01:01",
                "switch vni=5001 replication=HYBRID group=239.0.19.137");
    }

    @Test
    void aDlrNoLongerConfiguredIsNotWantedEvenWithItsStateStillCached() {
        var config = hostA().clearDlrs().clearVnics().build();

        DatapathDesired desired = DatapathDesired.from(HostDesiredState.from(config), Map.of(Vni.of(5001), vni5001()),
                Map.of(DlrId.of("edge-1"), dlr()));

        assertThat(desired.lines()).containsExactly("router mac=02:50:56:00:01:01");
    }
}
