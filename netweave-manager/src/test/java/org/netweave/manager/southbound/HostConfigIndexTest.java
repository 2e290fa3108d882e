package org.netweave.manager.southbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.southbound.HostConfigRows.DlrRow;
import org.netweave.manager.southbound.HostConfigRows.HostRow;
import org.netweave.manager.southbound.HostConfigRows.SwitchRow;
import org.netweave.manager.southbound.HostConfigRows.VnicKey;
import org.netweave.manager.southbound.HostConfigRows.VnicRow;
import org.netweave.manager.southbound.HostConfigRows.ZoneCluster;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;
import org.netweave.model.Vni;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;

/**
 * Which hosts a changed row makes dirty, and what their inputs are then: two clusters of two hosts
 * each, zone tz-1 over cluster c1 only.
 */
class HostConfigIndexTest {
    private static final ClusterId C1 = ClusterId.of("domain-c1");
    private static final ClusterId C2 = ClusterId.of("domain-c2");
    private static final TransportZoneId TZ = TransportZoneId.of("vdnscope-1");
    private static final HostId H1 = HostId.of("host-1");
    private static final HostId H2 = HostId.of("host-2");
    private static final HostId H3 = HostId.of("host-3");
    private static final HostId H4 = HostId.of("host-4");
    private static final LogicalSwitchId WEB = LogicalSwitchId.of("virtualwire-1");

    private final HostConfigIndex index = new HostConfigIndex();

    private static HostRow host(HostId id, ClusterId cluster) {
        return new HostRow(id, cluster, Optional.of(Ipv4Address.parse("127.0.1." + id.value().substring(5))), 24,
                Optional.empty());
    }

    private static SwitchRow web(String name) {
        return new SwitchRow(WEB, TZ, new HostConfigInputs.SwitchInput(new Vni(5000), name, "UNICAST", List.of()));
    }

    private static VnicRow vnic(HostId host, Optional<Vni> vni) {
        VnicKey key = new VnicKey(VmId.of("vm-1"), 0);
        return new VnicRow(key, host, new HostConfigInputs.VnicInput(key.vm(), 0, MacAddress.parse("00:50:56:00:00:01"),
                Optional.empty(), vni, true));
    }

    @BeforeEach
    void lab() {
        index.apply(new HostConfigRows.Changed(List.of(host(H1, C1), host(H2, C1), host(H3, C2), host(H4, C2)),
                Set.of(new ZoneCluster(TZ, C1)), List.of(), Map.of(), List.of(), List.of()));
    }

    @Test
    void aLogicalSwitchConcernsTheHostsOfItsZonesClustersOnly() {
        assertThat(index.putSwitch(web("web"))).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H1).logicalSwitches()).extracting(LogicalSwitchConfig::getName).containsExactly("web");
        assertThat(index.inputs(H3).logicalSwitches()).isEmpty();

        assertThat(index.putSwitch(web("web"))).as("the same row again").isEmpty();
        assertThat(index.putSwitch(web("web-renamed"))).containsExactlyInAnyOrder(H1, H2);
    }

    @Test
    void aVnicConcernsTheHostItsVmRunsOnAndTheOneItLeft() {
        index.putSwitch(web("web"));
        assertThat(index.putVnic(vnic(H1, Optional.empty()))).containsExactly(H1);
        assertThat(index.putVnic(vnic(H1, Optional.of(new Vni(5000))))).containsExactly(H1);
        assertThat(index.inputs(H1).vnics()).singleElement().extracting(HostConfigInputs.VnicInput::vni)
                .isEqualTo(Optional.of(new Vni(5000)));

        assertThat(index.putVnic(vnic(H3, Optional.of(new Vni(5000))))).containsExactlyInAnyOrder(H1, H3);
        assertThat(index.inputs(H1).vnics()).isEmpty();
        assertThat(index.inputs(H3).vnics()).hasSize(1);

        assertThat(index.retainVnics(Set.of())).containsExactly(H3);
        assertThat(index.inputs(H3).vnics()).isEmpty();
    }

    @Test
    void aZoneGainingAClusterConcernsThatClustersHosts() {
        index.putSwitch(web("web"));
        assertThat(index.zoneClusters(Set.of(new ZoneCluster(TZ, C1), new ZoneCluster(TZ, C2))))
                .containsExactlyInAnyOrder(H3, H4);
        assertThat(index.inputs(H4).logicalSwitches()).hasSize(1);

        assertThat(index.zoneClusters(Set.of(new ZoneCluster(TZ, C2)))).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H1).logicalSwitches()).isEmpty();
    }

    @Test
    void aDlrIsOnTheZonesHostsOnceItsInstancesAreCreated() {
        DlrId edge = DlrId.of("edge-1");
        assertThat(index.putDlr(new DlrRow(edge, Optional.empty()))).isEmpty();
        assertThat(index.putDlr(new DlrRow(edge, Optional.of(TZ)))).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H2).dlrs()).containsExactly(edge);

        assertThat(index.retainDlrs(Set.of())).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H2).dlrs()).isEmpty();
        assertThat(index.counts().dlrs()).isZero();
    }

    @Test
    void externalVtepsConcernTheirSwitchsHostsAndGoWithTheSwitch() {
        index.putSwitch(web("web"));
        var vtep = new ExternalVtepConfig(WEB, Ipv4Address.parse("172.16.0.9"), List.of(), 4);
        assertThat(index.putExternalVteps(WEB, List.of(vtep))).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H1).logicalSwitches()).containsExactly(HostConfigs.logicalSwitch(
                new HostConfigInputs.SwitchInput(new Vni(5000), "web", "UNICAST", List.of(vtep))));
        assertThat(index.counts().externalVteps()).isEqualTo(1);

        assertThat(index.retainSwitches(Set.of())).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H1).logicalSwitches()).isEmpty();
        assertThat(index.counts().externalVteps()).isZero();
    }

    @Test
    void aHostThatMovesClusterOrGoesAway() {
        index.putSwitch(web("web"));
        assertThat(index.putHost(host(H3, C1))).containsExactly(H3);
        assertThat(index.inputs(H3).logicalSwitches()).hasSize(1);
        assertThat(index.putSwitch(web("web-2"))).containsExactlyInAnyOrder(H1, H2, H3);

        assertThat(index.retainHosts(Set.of(H1, H2, H3))).containsExactly(H4);
        assertThat(index.hosts()).containsExactlyInAnyOrder(H1, H2, H3);
        assertThat(index.hasHost(H4)).isFalse();
    }

    @Test
    void aHostGetsItsSwitchesInVniOrderAndANewSwitchMayTakeTheVniOfOneDeletedInTheSameRound() {
        LogicalSwitchId app = LogicalSwitchId.of("virtualwire-2");
        LogicalSwitchId db = LogicalSwitchId.of("virtualwire-3");
        index.putSwitch(new SwitchRow(app, TZ, new HostConfigInputs.SwitchInput(new Vni(5002), "app", "UNICAST", List.of())));
        index.putSwitch(web("web"));
        assertThat(index.inputs(H1).logicalSwitches()).extracting(LogicalSwitchConfig::getVni).containsExactly(5000, 5002);

        // web is deleted and db created with its VNI; the round reads the new row before it sees the deletion.
        index.putSwitch(new SwitchRow(db, TZ, new HostConfigInputs.SwitchInput(new Vni(5000), "db", "UNICAST", List.of())));
        assertThat(index.retainSwitches(Set.of(app, db))).containsExactlyInAnyOrder(H1, H2);
        assertThat(index.inputs(H1).logicalSwitches()).extracting(LogicalSwitchConfig::getName).containsExactly("db", "app");
    }
}
