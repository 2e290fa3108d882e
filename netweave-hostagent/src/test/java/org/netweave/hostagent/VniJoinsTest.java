package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.hostagent.DatapathFixtures.dlr;
import static org.netweave.hostagent.DatapathFixtures.hostA;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;

/** Which VNIs a host joins at their owners, and the bindings it reports there. */
class VniJoinsTest {

    private static List<String> text(Map<?, org.netweave.controller.client.HostSession.VniBindings> joins) {
        return joins.entrySet().stream().map(e -> "vni=" + e.getKey() + " macs=" + e.getValue().macs()
                + " arps=" + e.getValue().arps()).toList();
    }

    @Test
    void aConnectedVnicsSwitchWithItsBindingsAndTheLifSwitchesWithout() {
        var joins = VniJoins.of(HostDesiredState.from(hostA().build()), Map.of(DlrId.of("edge-1"), dlr()));

        assertThat(text(joins)).containsExactly(
                "vni=5000 macs=[00:50:56:00:01:0a] arps={10.0.1.10=00:50:56:00:01:0a}",
                "vni=5001 macs=[] arps={}");
    }

    @Test
    void beforeTheDlrStateArrivesOnlyTheVnicsSwitchIsJoined() {
        var joins = VniJoins.of(HostDesiredState.from(hostA().build()), Map.of());

        assertThat(text(joins)).containsExactly("vni=5000 macs=[00:50:56:00:01:0a] arps={10.0.1.10=00:50:56:00:01:0a}");
    }

    @Test
    void aDlrNoLongerConfiguredNeedsNoSwitchAndADisconnectedVnicNone() {
        var config = hostA().clearDlrs().setVnics(0, hostA().getVnics(0).toBuilder().setConnected(false)).build();

        assertThat(VniJoins.of(HostDesiredState.from(config), Map.of(DlrId.of("edge-1"), dlr()))).isEmpty();
    }
}
