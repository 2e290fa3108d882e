package org.netweave.manager.network.router;

import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.BridgeId;
import org.netweave.model.VlanId;

/** What an L2 bridge must satisfy (NSX: one VXLAN and one VLAN, each in at most one bridge; name at most 40). Pure. */
public final class BridgeRules {
    public static final int MAX_NAME = 40;

    private BridgeRules() {
    }

    public static String name(String raw) {
        return Fields.name("name", raw, MAX_NAME);
    }

    /**
     * The switch lies in the DLR's transport zone (the bridge runs on its control VM's host), and
     * neither the switch nor the VLAN is in another bridge of any DLR.
     *
     * @param replacing      the id of this DLR's bridge of the same name, which the write replaces, or null
     * @param bridgeOnSwitch the bridge that has the switch now, if any
     * @param bridgeOnVlan   the bridge that has the VLAN now, if any
     */
    public static void check(DlrConfig dlr, BridgeId replacing, SwitchFacts logicalSwitch, VlanId vlan,
                             Optional<BridgeRef> bridgeOnSwitch, Optional<BridgeRef> bridgeOnVlan) {
        if (!logicalSwitch.zone().equals(dlr.transportZone())) {
            throw ApiException.conflict("logicalSwitchId", "logical switch " + logicalSwitch.id() + " is in transport zone "
                    + logicalSwitch.zone() + ", not in DLR " + dlr.id() + "'s zone " + dlr.transportZone());
        }
        bridgeOnSwitch.filter(bridge -> !bridge.id().equals(replacing)).ifPresent(bridge -> {
            throw ApiException.conflict("logicalSwitchId", "logical switch " + logicalSwitch.id() + " is already in "
                    + bridge + "; a logical switch is in at most one bridge");
        });
        bridgeOnVlan.filter(bridge -> !bridge.id().equals(replacing)).ifPresent(bridge -> {
            throw ApiException.conflict("vlan", "VLAN " + vlan + " is already in " + bridge + "; a VLAN is in at most one bridge");
        });
    }
}
