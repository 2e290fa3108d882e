package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.RemoveBridge;
import org.netweave.dataplane.DatapathChange.RemoveLif;
import org.netweave.dataplane.DatapathChange.RemoveLogicalSwitch;
import org.netweave.model.BridgeId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

class HostStateBuilderTest {

    @Test
    void aBatchWithOneInvalidChangeChangesNothing() {
        HostState before = SeedFixture.stateOf(0);
        MacAddress mac = MacAddress.parse("fa:16:3e:00:09:09");
        assertThatThrownBy(() -> HostStateBuilder.apply(before, List.of(
                new PutRemoteMac(SeedFixture.VNI_A, mac, SeedFixture.vtep(1)),
                new PutRemoteMac(Vni.of(7777), mac, Ipv4Address.parse("198.18.0.9")))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("7777");
        assertThat(before.switches().get(SeedFixture.VNI_A).remoteMacs()).doesNotContainKey(mac);
    }

    @Test
    void aSwitchWithPortsOrLifsCannotBeRemoved() {
        assertThatThrownBy(() -> HostStateBuilder.apply(SeedFixture.stateOf(0), List.of(new RemoveLogicalSwitch(SeedFixture.VNI_A))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vNIC ports");
        assertThatThrownBy(() -> HostStateBuilder.apply(SeedFixture.stateOf(1), List.of(new RemoveLogicalSwitch(SeedFixture.VNI_B))))
                .isInstanceOf(InvalidValueException.class);
        // Without VMs only the DLR's LIFs hold the switch.
        assertThatThrownBy(() -> HostStateBuilder.apply(HostStateBuilder.apply(HostState.empty(SeedFixture.config(1)),
                SeedFixture.changesFor(1, List.of())), List.of(new RemoveLogicalSwitch(SeedFixture.VNI_B))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("LIFs");
    }

    @Test
    void aBridgeNeedsItsSwitchAndOneVniOrVlanIsBridgedOnce() {
        HostState bridged = HostStateBuilder.apply(SeedFixture.stateOf(0), List.of(
                new PutBridge(new Bridge(BridgeId.of("br-1"), SeedFixture.VNI_A, VlanId.of(100)))));
        assertThatThrownBy(() -> HostStateBuilder.apply(bridged, List.of(
                new PutBridge(new Bridge(BridgeId.of("br-2"), SeedFixture.VNI_B, VlanId.of(100))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("already bridged by br-1");
        assertThatThrownBy(() -> HostStateBuilder.apply(bridged, List.of(
                new PutBridge(new Bridge(BridgeId.of("br-2"), Vni.of(7000), VlanId.of(200))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("not a logical switch on this host");
        assertThatThrownBy(() -> HostStateBuilder.apply(bridged, List.of(
                new RemoveLif(SeedFixture.DLR, SeedFixture.LIF_A.id()), new RemoveLogicalSwitch(SeedFixture.VNI_A))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("still bridged by br-1");
        assertThat(HostStateBuilder.apply(bridged, List.of(new RemoveBridge(BridgeId.of("br-1")))).bridges()).isEmpty();
    }
}
