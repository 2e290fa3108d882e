package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.hostagent.DatapathFixtures.VM2_MAC;
import static org.netweave.hostagent.DatapathFixtures.dlr;
import static org.netweave.hostagent.DatapathFixtures.hostA;
import static org.netweave.hostagent.DatapathFixtures.ip;
import static org.netweave.hostagent.DatapathFixtures.lif;
import static org.netweave.hostagent.DatapathFixtures.route;
import static org.netweave.hostagent.DatapathFixtures.vni5000;
import static org.netweave.hostagent.DatapathFixtures.vni5001;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.MacEntry;
import org.netweave.proto.controller.v1.VniTables;
import org.netweave.proto.manager.v1.HostConfig;

/**
 * Golden text of the changes between installed and desired tables, in batch order: the order is
 * part of the contract (what others depend on goes last and comes first).
 */
class DatapathDiffTest {
    private static final DlrId EDGE = DlrId.of("edge-1");

    private static DatapathDesired seed(HostConfig config, VniTables t5001, DlrState state) {
        return DatapathDesired.from(HostDesiredState.from(config), Map.of(Vni.of(5000), vni5000(), Vni.of(5001), t5001),
                Map.of(EDGE, state));
    }

    private static List<String> text(List<DatapathChange> changes) {
        return changes.stream().map(Object::toString).toList();
    }

    @Test
    void fromNothingEverythingIsPutParentsFirst() {
        DatapathDesired desired = seed(hostA().build(), vni5001(), dlr());

        assertThat(text(DatapathDiff.between(DatapathDesired.EMPTY, desired))).containsExactly(
                "PutLogicalSwitch[spec=LogicalSwitchSpec[vni=5000, replication=UNICAST, multicastGroup=null]]",
                "PutArpEntry[vni=5000, ip=10.0.1.10, mac=00:50:56:00:01:0a]",
                "PutLogicalSwitch[spec=LogicalSwitchSpec[vni=5001, replication=UNICAST, multicastGroup=null]]",
                "PutVtep[vni=5001, vtep=VtepRecord[ip=127.0.1.12, segment=127.0.1.12/32]]",
                "PutExternalVtep[vni=5001, vtep=ExternalVtep[ip=127.0.2.1, endpoints={10.0.2.100=00:50:56:00:03:64}]]",
                "PutRemoteMac[vni=5001, mac=00:50:56:00:02:0a, vtepIp=127.0.1.12]",
                "PutArpEntry[vni=5001, ip=10.0.2.10, mac=00:50:56:00:02:0a]",
                "AttachPort[port=VnicPort[id=vm1.000, vni=5000, mac=00:50:56:00:01:0a, addresses=[10.0.1.10]]]",
                "PutDlr[dlrId=edge-1]",
                "PutLif[dlrId=edge-1, lif=Lif[id=lif-1, type=INTERNAL, vni=5000, address=10.0.1.1/24, vmac=02:50:56:56:44:52, designatedInstance=false]]",
                "PutLif[dlrId=edge-1, lif=Lif[id=lif-2, type=INTERNAL, vni=5001, address=10.0.2.1/24, vmac=02:50:56:56:44:52, designatedInstance=true]]",
                "PutRoute[dlrId=edge-1, route=StaticRoute[prefix=0.0.0.0/0, egressLif=lif-1, nextHop=10.0.1.254]]");
    }

    @Test
    void theSameTablesNeedNoChange() {
        DatapathDesired desired = seed(hostA().build(), vni5001(), dlr());

        assertThat(DatapathDiff.between(desired, seed(hostA().build(), vni5001(), dlr()))).isEmpty();
    }

    @Test
    void aMovedVmIsOneUpdateAndAVanishedBindingOneRemoval() {
        DatapathDesired installed = seed(hostA().build(), vni5001(), dlr());
        VniTables moved = vni5001().toBuilder().clearMacs().clearArps()
                .addMacs(MacEntry.newBuilder().setMac(VM2_MAC).setVtepIp(ip("127.0.1.13")))
                .addVteps(DatapathFixtures.vtep(ip("127.0.1.13"))).build();

        assertThat(text(DatapathDiff.between(installed, seed(hostA().build(), moved, dlr())))).containsExactly(
                "RemoveArpEntry[vni=5001, ip=10.0.2.10]",
                "PutVtep[vni=5001, vtep=VtepRecord[ip=127.0.1.13, segment=127.0.1.13/32]]",
                "PutRemoteMac[vni=5001, mac=00:50:56:00:02:0a, vtepIp=127.0.1.13]");
    }

    @Test
    void aDlrTakenAwayGoesRoutesFirstThenLifsThenItselfThenTheSwitchesOnlyItNeeded() {
        DatapathDesired installed = seed(hostA().build(), vni5001(), dlr());

        DatapathDesired desired = seed(hostA().clearDlrs().build(), vni5001(), dlr());

        assertThat(text(DatapathDiff.between(installed, desired))).containsExactly(
                "RemoveRoute[dlrId=edge-1, prefix=0.0.0.0/0]",
                "RemoveLif[dlrId=edge-1, lifId=lif-1]",
                "RemoveLif[dlrId=edge-1, lifId=lif-2]",
                "RemoveDlr[dlrId=edge-1]",
                "RemoveLogicalSwitch[vni=5001]");
    }

    @Test
    void aDisconnectedVnicIsDetachedAndItsSwitchStaysForTheLif() {
        DatapathDesired installed = seed(hostA().build(), vni5001(), dlr());
        HostConfig down = hostA().setVnics(0, hostA().getVnics(0).toBuilder().setConnected(false)).build();

        assertThat(text(DatapathDiff.between(installed, seed(down, vni5001(), dlr())))).containsExactly(
                "DetachPort[portId=vm1.000]");
    }

    @Test
    void aRouteThroughALifThatChangesIsTakenOutBeforeAndPutBackAfter() {
        DatapathDesired installed = seed(hostA().build(), vni5001(), dlr());
        DlrState readdressed = dlr().toBuilder().setLifs(0, lif("lif-1", 5000, "10.0.1.2")).build();

        assertThat(text(DatapathDiff.between(installed, seed(hostA().build(), vni5001(), readdressed)))).containsExactly(
                "RemoveRoute[dlrId=edge-1, prefix=0.0.0.0/0]",
                "PutLif[dlrId=edge-1, lif=Lif[id=lif-1, type=INTERNAL, vni=5000, address=10.0.1.2/24, vmac=02:50:56:56:44:52, designatedInstance=false]]",
                "PutRoute[dlrId=edge-1, route=StaticRoute[prefix=0.0.0.0/0, egressLif=lif-1, nextHop=10.0.1.254]]");
    }

    @Test
    void aResyncPutsEverythingAgainAndRemovesWhatIsNoLongerWanted() {
        DatapathDesired installed = seed(hostA().build(), vni5001(), dlr());
        DlrState fewerRoutes = dlr().toBuilder().clearRoutes().addRoutes(route("10.0.1.0", 24, 0, "lif-1")).build();
        DatapathDesired desired = seed(hostA().build(), vni5001(), fewerRoutes);

        List<String> resync = text(DatapathDiff.resync(installed, desired));

        assertThat(resync.getFirst()).isEqualTo("RemoveRoute[dlrId=edge-1, prefix=0.0.0.0/0]");
        assertThat(resync.subList(1, resync.size())).isEqualTo(text(DatapathDiff.between(DatapathDesired.EMPTY, desired)));
    }
}
