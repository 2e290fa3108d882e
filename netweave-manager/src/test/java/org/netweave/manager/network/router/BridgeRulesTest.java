package org.netweave.manager.network.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;
import static org.netweave.manager.network.router.DlrFixtures.ZONE_A;
import static org.netweave.manager.network.router.DlrFixtures.ZONE_B;
import static org.netweave.manager.network.router.DlrFixtures.dlr;
import static org.netweave.manager.network.router.DlrFixtures.facts;
import static org.netweave.manager.network.router.DlrFixtures.lif;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.VlanId;

class BridgeRulesTest {
    private static final DlrConfig DLR = dlr(DlrState.DEPLOYED, List.of(lif(10, "web", "virtualwire-1", "10.0.1.1/24")));
    private static final BridgeRef OTHER = new BridgeRef(BridgeId.of("bridge-1"), "b1", DlrId.of("edge-2"));

    @Test
    void aBridgeNameIsAtMost40Characters() {
        assertThat(BridgeRules.name("x".repeat(40))).hasSize(40);
        assertRefused(() -> BridgeRules.name("x".repeat(41)), 400, "invalid_value", "name");
    }

    @Test
    void aFreeSwitchAndVlanOfTheZoneMayBeBridged() {
        BridgeRules.check(DLR, null, facts("virtualwire-5", ZONE_A, null), VlanId.of(200), Optional.empty(), Optional.empty());
    }

    @Test
    void eachSwitchAndVlanIsInAtMostOneBridge() {
        var ls = assertRefused(() -> BridgeRules.check(DLR, null, facts("virtualwire-5", ZONE_A, null), VlanId.of(200),
                Optional.of(OTHER), Optional.empty()), 409, "conflict", "logicalSwitchId");
        assertThat(ls.getMessage()).contains("bridge-1").contains("edge-2");
        var vlan = assertRefused(() -> BridgeRules.check(DLR, null, facts("virtualwire-5", ZONE_A, null), VlanId.of(200),
                Optional.empty(), Optional.of(OTHER)), 409, "conflict", "vlan");
        assertThat(vlan.getMessage()).contains("bridge-1");
    }

    @Test
    void replacingABridgeMayKeepItsOwnSwitchAndVlan() {
        BridgeRules.check(DLR, OTHER.id(), facts("virtualwire-5", ZONE_A, null), VlanId.of(200), Optional.of(OTHER),
                Optional.of(OTHER));
    }

    @Test
    void theSwitchIsInTheDlrsZone() {
        assertRefused(() -> BridgeRules.check(DLR, null, facts("virtualwire-5", ZONE_B, null), VlanId.of(200),
                Optional.empty(), Optional.empty()), 409, "conflict", "logicalSwitchId");
    }
}
