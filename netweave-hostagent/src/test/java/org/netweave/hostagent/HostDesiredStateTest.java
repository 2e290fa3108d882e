package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.ExternalBinding;
import org.netweave.proto.manager.v1.ExternalVtepConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/** Decoding a host configuration into model types: every field, the zero-means-absent fields, and refusals naming the field. */
class HostDesiredStateTest {
    private static final int VTEP = 0xAC1F010B;

    private static HostConfig.Builder config() {
        return HostConfig.newBuilder().setHostId("host-1").setGeneration(7).setVtepIp(VTEP).setRouterMac(0x0250_5600_AA01L)
                .addControllers("127.0.0.1:7001").addControllers("127.0.0.1:7002");
    }

    @Test
    void decodesEveryPartOfTheConfiguration() {
        HostConfig wire = config()
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5001).setName("web")
                        .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.UNICAST))
                .addDlrs(DlrInstanceConfig.newBuilder().setDlrId("edge-2"))
                .addDlrs(DlrInstanceConfig.newBuilder().setDlrId("edge-1"))
                .addVnics(VnicConfig.newBuilder().setVmId("vm-1").setIndex(0).setMac(0x0050_5601_0001L).setIp(0x0A000A0A)
                        .setVni(5001).setConnected(true))
                .build();

        HostDesiredState desired = HostDesiredState.from(wire);

        assertThat(desired.host()).isEqualTo(HostId.of("host-1"));
        assertThat(desired.generation()).isEqualTo(7);
        assertThat(desired.vtep()).contains(Ipv4Address.of(VTEP));
        assertThat(desired.routerMac()).isEqualTo(MacAddress.of(0x0250_5600_AA01L));
        assertThat(desired.controllers()).containsExactly(ControllerAddress.of("127.0.0.1:7001"), ControllerAddress.of("127.0.0.1:7002"));
        assertThat(desired.logicalSwitches()).containsExactly(org.assertj.core.api.Assertions.entry(Vni.of(5001),
                new DesiredLogicalSwitch(Vni.of(5001), "web", ReplicationMode.UNICAST)));
        assertThat(desired.dlrs()).containsExactly(DlrId.of("edge-1"), DlrId.of("edge-2"));
        assertThat(desired.vnics()).containsExactly(new DesiredVnic(EndpointId.of("vm-1"), 0, MacAddress.of(0x0050_5601_0001L),
                Optional.of(Ipv4Address.of(0x0A000A0A)), Optional.of(Vni.of(5001)), true));
        assertThat(desired.sessionTarget()).contains(new SessionTarget(Ipv4Address.of(VTEP), desired.controllers()));
    }

    @Test
    void zeroMeansAbsentForTheVtepAndAVnicsAddressAndSwitch() {
        HostDesiredState desired = HostDesiredState.from(config().setVtepIp(0)
                .addVnics(VnicConfig.newBuilder().setVmId("vm-2").setIndex(1).setMac(0x0050_5601_0002L)).build());

        assertThat(desired.vtep()).isEmpty();
        assertThat(desired.vnics().getFirst().ip()).isEmpty();
        assertThat(desired.vnics().getFirst().vni()).isEmpty();
        assertThat(desired.sessionTarget()).as("no session before host preparation").isEmpty();
    }

    @Test
    void noSessionWithoutControllersAndRepeatedOnesCountOnce() {
        assertThat(HostDesiredState.from(config().clearControllers().build()).sessionTarget()).isEmpty();
        assertThat(HostDesiredState.from(config().addControllers("127.0.0.1:7001").build()).controllers())
                .containsExactly(ControllerAddress.of("127.0.0.1:7001"), ControllerAddress.of("127.0.0.1:7002"));
        assertThat(HostDesiredState.from(config().addDlrs(DlrInstanceConfig.newBuilder().setDlrId("edge-1"))
                .addDlrs(DlrInstanceConfig.newBuilder().setDlrId("edge-1")).build()).dlrs()).containsExactly(DlrId.of("edge-1"));
    }

    @Test
    void refusesAnInvalidConfigurationNamingTheField() {
        assertRefused(config().addDlrs(DlrInstanceConfig.newBuilder().setDlrId("bad id")), "dlrId");
        assertRefused(config().addControllers("no-port"), "controllers");
        assertRefused(config().addControllers("127.0.0.1:70000"), "controllers");
        assertRefused(config().setHostId(""), "hostId");
        assertRefused(config().addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(4000).setName("low")
                .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.HYBRID)), "vni");
        assertRefused(config().addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5001).setName("unset")),
                "replicationMode");
        LogicalSwitchConfig twice = LogicalSwitchConfig.newBuilder().setVni(5001).setName("web")
                .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.MULTICAST).build();
        assertRefused(config().addLogicalSwitches(twice).addLogicalSwitches(twice), "logicalSwitches");
        VnicConfig vnic = VnicConfig.newBuilder().setVmId("vm-1").setMac(0x0050_5601_0001L).build();
        assertRefused(config().addVnics(vnic).addVnics(vnic), "vnics");
        assertRefused(config().setRouterMac(1L << 50), "mac");
    }

    @Test
    void externalVtepsKeepTheirBindingsWithAnAddressAndRefuseNoAddressOrRepeats() {
        ExternalVtepConfig tor = ExternalVtepConfig.newBuilder().setVtepIp(0x7F000201)
                .addBindings(ExternalBinding.newBuilder().setMac(0x0050_5600_0364L).setIp(0x0A000264))
                .addBindings(ExternalBinding.newBuilder().setMac(0x0050_5600_0365L)).build();
        LogicalSwitchConfig.Builder app = LogicalSwitchConfig.newBuilder().setVni(5001).setName("app")
                .setReplicationMode(org.netweave.proto.controller.v1.ReplicationMode.UNICAST);

        HostDesiredState desired = HostDesiredState.from(config().addLogicalSwitches(app.clone().addExternalVteps(tor)).build());

        assertThat(desired.logicalSwitches().get(Vni.of(5001)).externalVteps()).containsExactly(org.assertj.core.api.Assertions.entry(
                Ipv4Address.of(0x7F000201), new ExternalVtep(Ipv4Address.of(0x7F000201),
                        Map.of(Ipv4Address.of(0x0A000264), MacAddress.of(0x0050_5600_0364L)))));
        assertRefused(config().addLogicalSwitches(app.clone().addExternalVteps(tor.toBuilder().setVtepIp(0))), "externalVteps");
        assertRefused(config().addLogicalSwitches(app.clone().addExternalVteps(tor).addExternalVteps(tor)), "externalVteps");
    }

    private static void assertRefused(HostConfig.Builder config, String field) {
        assertThatThrownBy(() -> HostDesiredState.from(config.build()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aControllerAddressNeedsAHostAndAPort() {
        assertThat(ControllerAddress.of("[::1]:7001").value()).isEqualTo("[::1]:7001");
        for (String bad : List.of(":7001", "host:", "host:x", "ho st:1", "host:0")) {
            assertThatThrownBy(() -> ControllerAddress.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
