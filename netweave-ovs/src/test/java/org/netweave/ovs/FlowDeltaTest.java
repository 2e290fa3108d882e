package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.RemoveRemoteMac;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

class FlowDeltaTest {

    @Test
    void theSameStateGivesAnEmptyDelta() {
        List<Flow> flows = FlowTranslator.translate(SeedFixture.stateOf(0));
        assertThat(FlowDelta.between(flows, FlowTranslator.translate(SeedFixture.stateOf(0))).isEmpty()).isTrue();
    }

    @Test
    void aRemovedRemoteMacIsOneStrictDeleteAndNothingElse() {
        HostState before = SeedFixture.stateOf(0);
        HostState after = HostStateBuilder.apply(before, List.of(new RemoveRemoteMac(SeedFixture.VNI_A, SeedFixture.VM3.mac())));
        FlowDelta delta = FlowDelta.between(FlowTranslator.translate(before), FlowTranslator.translate(after));
        assertThat(delta.added()).isEmpty();
        assertThat(delta.ofctlBundle()).isEqualTo("delete_strict table=" + TunStage.UCAST_TO_TUN.table()
                + ",priority=2,dl_vlan=907,dl_dst=" + SeedFixture.VM3.mac() + "\n");
    }

    @Test
    void aChangedBindingIsOneAddThatReplacesTheFlowWithTheSameKey() {
        HostState before = SeedFixture.stateOf(0);
        MacAddress moved = MacAddress.parse("fa:16:3e:00:01:99");
        HostState after = HostStateBuilder.apply(before, List.of(new PutArpEntry(SeedFixture.VNI_A,
                Ipv4Address.parse("10.0.1.20"), moved)));
        FlowDelta delta = FlowDelta.between(FlowTranslator.translate(before), FlowTranslator.translate(after));
        assertThat(delta.removed()).isEmpty();
        assertThat(delta.added()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(TunStage.ARP_RESPONDER);
            assertThat(f.golden()).contains("set_field:" + moved + "->arp_sha");
        });
    }
}
