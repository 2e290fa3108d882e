package org.netweave.manager.network.vnic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.manager.network.lswitch.LogicalSwitchConfig;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;
import org.netweave.model.Vni;

class VnicRulesTest {
    private static final LogicalSwitchConfig WEB = new LogicalSwitchConfig(LogicalSwitchId.of("virtualwire-1"), "web",
            Vni.of(5000), TransportZoneId.of("vdnscope-1"), ReplicationMode.UNICAST, 1);
    private static final VnicPlacement VNIC = new VnicPlacement(VmId.of("vm-3"), 0, MacAddress.parse("00:50:56:00:00:03"),
            null, HostId.of("host-3"), ClusterId.of("domain-c2"), null, 0);

    @Test
    void aVmInAClusterOfTheZoneMayAttach() {
        VnicRules.checkAttach(VNIC, WEB, List.of(ClusterId.of("domain-c1"), ClusterId.of("domain-c2")), Optional.empty());
    }

    @Test
    void aVmOutsideTheZoneIsAConflictNamingTheSwitch() {
        var e = assertRefused(() -> VnicRules.checkAttach(VNIC, WEB, List.of(ClusterId.of("domain-c1")), Optional.empty()),
                409, "conflict", "logicalSwitchId");
        assertThat(e.getMessage()).contains("host-3").contains("domain-c2").contains("vdnscope-1");
    }

    @Test
    void aMacAnExternalVtepClaimsCannotAttach() {
        var e = assertRefused(() -> VnicRules.checkAttach(VNIC, WEB, List.of(ClusterId.of("domain-c2")),
                Optional.of(Ipv4Address.parse("172.16.0.9"))), 409, "conflict", "logicalSwitchId");
        assertThat(e.getMessage()).contains("172.16.0.9");
    }
}
