package org.netweave.manager.network.lswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.LogicalSwitchId;

class LogicalSwitchRulesTest {
    private static final LogicalSwitchId WEB = LogicalSwitchId.of("virtualwire-1");

    @Test
    void anUnusedSwitchMayGo() {
        LogicalSwitchRules.checkDeletable(WEB, new LogicalSwitchUsage(List.of(), List.of(), List.of()));
    }

    @Test
    void theRefusalNamesEveryKindOfUser() {
        var vnic = assertRefused(() -> LogicalSwitchRules.checkDeletable(WEB,
                new LogicalSwitchUsage(List.of("vm-1 vNIC 0"), List.of(), List.of())), 409, "in_use", null);
        assertThat(vnic.getMessage()).contains("vm-1 vNIC 0");
        var all = assertRefused(() -> LogicalSwitchRules.checkDeletable(WEB, new LogicalSwitchUsage(List.of(),
                List.of("LIF 10 'web' of DLR edge-1"), List.of("bridge bridge-1 'b' of DLR edge-2"))), 409, "in_use", null);
        assertThat(all.getMessage()).contains("edge-1").contains("bridge-1");
    }
}
