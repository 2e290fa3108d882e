package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.netweave.controller.runtime.Fixtures.connection;
import static org.netweave.controller.runtime.Fixtures.host;
import static org.netweave.controller.runtime.Fixtures.vlanLif;
import static org.netweave.controller.runtime.Fixtures.vxlanLif;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.LifId;

class DesignatedInstancesTest {
    private static final DlrId DLR = DlrId.of("1460487509");
    private static final LifId VLAN_LIF = LifId.of("570d45550000000b");
    private static final List<HostConnection> HOSTS = List.of(
            connection(1, "esx-a", "192.168.110.51", 1001), connection(2, "esx-b", "192.168.110.52", 1002),
            connection(3, "esx-c", "192.168.210.51", 1003), connection(4, "esx-d", "192.168.210.52", 1004));

    private static DlrRuntime routerWithLifs() {
        DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");
        dlr.putLif(vlanLif(VLAN_LIF.value(), 100, "192.168.100.1/24"));
        dlr.putLif(vxlanLif("570d45550000000c", 5004, "10.10.10.1/24"));
        return dlr;
    }

    private static HostId designated(DlrRuntime dlr) {
        return dlr.state().designatedInstances().get(VLAN_LIF);
    }

    @Test
    void onlyAVlanLifHasADesignatedInstanceAndItIsAJoinedHost() {
        DlrRuntime dlr = routerWithLifs();
        assertThat(dlr.state().designatedInstances()).as("no host joined yet").isEmpty();

        HOSTS.forEach(dlr::hostJoined);

        assertThat(dlr.state().designatedInstances()).containsOnlyKeys(VLAN_LIF);
        assertThat(designated(dlr)).isIn(dlr.joinedHosts());
        assertThat(designated(dlr)).isEqualTo(DesignatedInstances.choose(DLR, VLAN_LIF, dlr.joinedHosts()).orElseThrow());
    }

    @Test
    void whenTheDesignatedHostLeavesTheNextHostIsChosenAndEveryHostMustBeTold() {
        DlrRuntime dlr = routerWithLifs();
        HOSTS.forEach(dlr::hostJoined);
        HostId first = designated(dlr);
        HostConnection firstConnection = HOSTS.stream().filter(c -> c.host().equals(first)).findFirst().orElseThrow();

        assertThat(dlr.hostLeft(firstConnection.id())).isTrue();

        HostId second = designated(dlr);
        assertThat(second).isNotEqualTo(first).isIn(dlr.joinedHosts());
        List<HostId> rest = new ArrayList<>(dlr.joinedHosts());
        assertThat(second).isEqualTo(DesignatedInstances.choose(DLR, VLAN_LIF, rest).orElseThrow());
    }

    @Test
    void whenAnotherHostLeavesTheDesignatedInstanceStaysAndNothingIsPushed() {
        DlrRuntime dlr = routerWithLifs();
        HOSTS.forEach(dlr::hostJoined);
        HostId chosen = designated(dlr);

        for (HostConnection c : HOSTS) {
            if (!c.host().equals(chosen)) {
                assertThat(dlr.hostLeft(c.id())).as("%s leaves", c.host()).isFalse();
                assertThat(designated(dlr)).isEqualTo(chosen);
            }
        }
    }

    @Test
    void whenTheLastHostLeavesTheLifHasNoDesignatedInstance() {
        DlrRuntime dlr = routerWithLifs();
        dlr.hostJoined(HOSTS.get(0));

        assertThat(dlr.hostLeft(HOSTS.get(0).id())).isTrue();
        assertThat(dlr.state().designatedInstances()).isEmpty();
    }

    @Test
    void theChoiceDependsOnlyOnTheJoinedHostsNeverOnTheirJoinOrder() {
        DlrRuntime reference = routerWithLifs();
        HOSTS.forEach(reference::hostJoined);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<HostConnection> order = new ArrayList<>(HOSTS);
            Collections.shuffle(order, random);
            DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");
            dlr.hostJoined(order.get(0));
            dlr.putLif(vlanLif(VLAN_LIF.value(), 100, "192.168.100.1/24"));
            order.subList(1, order.size()).forEach(dlr::hostJoined);
            dlr.putLif(vxlanLif("570d45550000000c", 5004, "10.10.10.1/24"));

            assertThat(dlr.state()).as("join order %s", order).isEqualTo(reference.state());
        }
    }

    @Test
    void aJoiningHostTakesOverOnlyTheLifsItOutranks() {
        DlrRuntime dlr = routerWithLifs();
        dlr.hostJoined(HOSTS.get(0));
        dlr.hostJoined(HOSTS.get(1));
        HostId before = designated(dlr);
        HostId newcomer = HOSTS.get(2).host();

        boolean moved = dlr.hostJoined(HOSTS.get(2));

        assertThat(moved).isEqualTo(DesignatedInstances.outranks(DLR, VLAN_LIF, newcomer, before));
        assertThat(designated(dlr)).isEqualTo(moved ? newcomer : before);
    }

    @Test
    void aVlanLifTurnedIntoAVxlanLifLosesItsDesignatedInstance() {
        DlrRuntime dlr = routerWithLifs();
        HOSTS.forEach(dlr::hostJoined);

        dlr.putLif(vxlanLif(VLAN_LIF.value(), 5009, "192.168.100.1/24"));

        assertThat(dlr.state().designatedInstances()).isEmpty();
    }

    @Test
    void vlanLifsSpreadOverTheJoinedHosts() {
        List<HostId> hosts = HOSTS.stream().map(HostConnection::host).toList();
        Map<HostId, Integer> count = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            count.merge(DesignatedInstances.choose(DLR, LifId.of("lif-" + i), hosts).orElseThrow(), 1, Integer::sum);
        }
        assertThat(count).containsOnlyKeys(hosts);
        assertThat(count.values()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
    }

    @Test
    void theRuleIsPinnedSoEveryNodeAndReleaseChoosesAlike() {
        List<HostId> hosts = List.of(host("esx-a"), host("esx-b"), host("esx-c"), host("esx-d"));

        assertThat(DesignatedInstances.choose(DLR, VLAN_LIF, hosts)).contains(PINNED_CHOICE);
        assertThat(DesignatedInstances.choose(DLR, VLAN_LIF, List.of())).isEqualTo(Optional.empty());
    }

    @Test
    void joinsAndLeavesInAnyOrderKeepEveryVlanLifOnTheHostTheRuleChoosesAndReportEveryMove() {
        List<LifId> vlanLifs = List.of(LifId.of("v1"), LifId.of("v2"), LifId.of("v3"));
        qt().withExamples(300).forAll(lists().of(integers().between(0, 15)).ofSizeBetween(1, 60)).checkAssert(ops -> {
            DlrRuntime dlr = new DlrRuntime(DLR, "default+edge-1");
            for (int i = 0; i < vlanLifs.size(); i++) {
                dlr.putLif(vlanLif(vlanLifs.get(i).value(), 100 + i, "10.0." + i + ".1/24"));
            }
            for (int op : ops) {
                // Six streams from four hosts: streams 4 and 5 are second streams of hosts 0 and 1.
                int stream = op % 6;
                HostConnection c = connection(stream + 1, "esx-" + stream % 4, "192.168.110." + (51 + stream % 4), 1000);
                Map<LifId, HostId> before = Map.copyOf(dlr.state().designatedInstances());
                boolean moved = op < 8 ? dlr.hostJoined(c) : dlr.hostLeft(c.id());
                Map<LifId, HostId> expected = new HashMap<>();
                for (LifId lif : vlanLifs) {
                    DesignatedInstances.choose(DLR, lif, dlr.joinedHosts()).ifPresent(h -> expected.put(lif, h));
                }
                assertThat(dlr.state().designatedInstances()).as("after %s", op).isEqualTo(expected);
                assertThat(moved).as("after %s", op).isEqualTo(!before.equals(expected));
            }
        });
    }

    /** Found by running the rule once; if it changes, nodes of different releases would disagree. */
    private static final HostId PINNED_CHOICE = host("esx-a");
}
