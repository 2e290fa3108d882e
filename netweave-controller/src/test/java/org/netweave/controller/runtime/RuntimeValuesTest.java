package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.runtime.Fixtures.SEGMENT;
import static org.netweave.controller.runtime.Fixtures.VNI;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.mac;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.ReplicationMode;

/** The typed values of the runtime tables refuse bad input by field name, as an API error would. */
class RuntimeValuesTest {
    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aConnectionIdIsPositive() {
        assertRefused(() -> ConnectionId.of(0), "connectionId");
        assertRefused(() -> ConnectionId.of(-5), "connectionId");
        assertThat(ConnectionId.of(1845)).hasToString("1845");
    }

    @Test
    void aHostConnectionHasAHostAnAddressAndAPort() {
        assertRefused(() -> new HostConnection(ConnectionId.of(1), HostId.of("esx-a"), ip("10.0.0.1"), 0), "port");
        assertRefused(() -> new HostConnection(ConnectionId.of(1), HostId.of("esx-a"), ip("10.0.0.1"), 65536), "port");
        assertRefused(() -> new HostConnection(ConnectionId.of(1), null, ip("10.0.0.1"), 1234), "hostId");
        assertRefused(() -> new HostConnection(null, HostId.of("esx-a"), ip("10.0.0.1"), 1234), "connectionId");
    }

    @Test
    void aControlVmIdFollowsTheIdRule() {
        assertRefused(() -> ControlVmId.of("edge 1"), "controlVm");
        assertRefused(() -> ControlVmId.of(""), "controlVm");
        assertThat(ControlVmId.of("edge-1-0").value()).isEqualTo("edge-1-0");
    }

    @Test
    void aNameIsOneLineBecauseTheCliPrintsItInAColumn() {
        assertRefused(() -> new LogicalSwitchSettings(VNI, "web\nx", ReplicationMode.UNICAST, true), "name");
        assertRefused(() -> new LogicalSwitchSettings(VNI, "web", null, true), "replicationMode");
        assertRefused(() -> new DlrRuntime(DlrId.of("edge-1"), "a\tb"), "name");
    }

    @Test
    void rowsHoldOnlyUnicastEndpoints() {
        assertRefused(() -> new VtepRow(VNI, ip("239.1.1.1"), Ipv4Prefix.parse("239.1.1.0/24"), mac("00:50:56:00:00:01"),
                ConnectionId.of(1)), "vtepIp");
        assertRefused(() -> new VtepRow(VNI, ip("192.168.250.51"), SEGMENT, mac("01:00:5e:00:00:01"), ConnectionId.of(1)),
                "vtepMac");
        assertRefused(() -> new MacRow(VNI, mac("00:00:00:00:00:00"), ip("192.168.250.51"), ConnectionId.of(1)), "mac");
        assertRefused(() -> new ArpRow(VNI, Ipv4Address.ANY, mac("00:50:56:00:00:01"), ConnectionId.of(1)), "ip");
        assertRefused(() -> new ArpRow(VNI, ip("255.255.255.255"), mac("00:50:56:00:00:01"), ConnectionId.of(1)), "ip");
    }

    @Test
    void aRouteSaysWhereItGoesInErrors() {
        assertThat(DlrRoute.via(Ipv4Prefix.parse("10.2.0.0/16"), ip("10.0.1.254"), LifId.of("lif-1")))
                .hasToString("10.2.0.0/16 via 10.0.1.254 on lif-1");
        assertThat(DlrRoute.connected(Ipv4Prefix.parse("10.0.1.0/24"), LifId.of("lif-1")))
                .hasToString("10.0.1.0/24 connected on lif-1");
    }

    @Test
    void anEmptyDeltaIsEmpty() {
        assertThat(VniDelta.empty(VNI).isEmpty()).isTrue();
    }
}
