package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.*;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/** A batch is all-or-nothing, and a refused change names the field that is wrong. */
class BatchValidationTest {
    final EngineHarness h = new EngineHarness().seedTopology();

    @Test
    void aBadChangeInTheMiddleLeavesEverythingAsItWas() {
        DatapathTables before = h.engine.tables();

        assertThatThrownBy(() -> h.engine.apply(List.of(
                new PutLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(6000))),
                new PutLif(EngineHarness.DLR, EngineHarness.lif("lif-6001", 6001, "10.0.61.1/24")),
                new AttachPort(new VnicPort(PortId.of("vm9.000"), Vni.of(6000), MacAddress.parse("00:50:56:00:09:09"))))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("vni");
                    assertThat(e.getMessage()).isEqualTo("vni: 6001 is not a logical switch on host-a");
                });

        assertThat(h.engine.tables()).isEqualTo(before);
    }

    @Test
    void aLogicalSwitchBelongsToAtMostOneDlr() {
        assertThatThrownBy(() -> h.engine.apply(List.of(new PutDlr(DlrId.of("edge-2")),
                new PutLif(DlrId.of("edge-2"), EngineHarness.lif("other", 5000, "10.0.9.1/24")))))
                .hasMessageContaining("vni: 5000 already has LIF lif-5000 of edge-1");
    }

    @Test
    void lifSubnetsOfOneDlrMustNotOverlap() {
        h.engine.apply(List.of(new PutLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(5002)))));
        assertThatThrownBy(() -> h.engine.apply(List.of(
                new PutLif(EngineHarness.DLR, EngineHarness.lif("lif-5002", 5002, "10.0.0.1/16")))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address"))
                .hasMessageContaining("overlaps LIF lif-5000");
    }

    @Test
    void staticRouteNextHopMustBeDirectlyReachable() {
        assertThatThrownBy(() -> h.engine.apply(List.of(new PutRoute(EngineHarness.DLR,
                new StaticRoute(Ipv4Prefix.parse("0.0.0.0/0"), LifId.of("lif-5001"), Ipv4Address.parse("10.0.3.1"))))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("nextHop"))
                .hasMessageContaining("not directly reachable on LIF lif-5001 (10.0.2.0/24)");
    }

    @Test
    void aLifCannotGoWhileRoutesLeaveByIt() {
        h.engine.apply(List.of(new PutRoute(EngineHarness.DLR,
                new StaticRoute(Ipv4Prefix.DEFAULT_ROUTE, LifId.of("lif-5001"), Ipv4Address.parse("10.0.2.254")))));
        assertThatThrownBy(() -> h.engine.apply(List.of(new RemoveLif(EngineHarness.DLR, LifId.of("lif-5001")))))
                .hasMessageContaining("lifId: 'lif-5001' is still the egress of route 0.0.0.0/0");
    }

    @Test
    void aSwitchWithPortsCannotBeRemoved() {
        assertThatThrownBy(() -> h.engine.apply(List.of(new RemoveLogicalSwitch(Vni.of(5000)))))
                .hasMessageContaining("still has port vm1.000");
    }

    @Test
    void twoPortsOnOneSwitchCannotShareAMac() {
        assertThatThrownBy(() -> h.engine.apply(List.of(
                new AttachPort(new VnicPort(PortId.of("clone.000"), Vni.of(5000), EngineHarness.VM1_MAC)))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mac"));
    }

    @Test
    void removingWhatIsAbsentIsANoOp() {
        DatapathTables before = h.engine.tables();
        h.engine.apply(List.of(new RemoveRoute(DlrId.of("edge-9"), Ipv4Prefix.DEFAULT_ROUTE),
                new RemoveVtep(Vni.of(9999), Ipv4Address.parse("127.0.0.9")), new DetachPort(PortId.of("nope"))));
        assertThat(h.engine.tables()).isEqualTo(before);
    }
}
