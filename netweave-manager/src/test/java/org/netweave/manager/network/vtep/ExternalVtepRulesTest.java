package org.netweave.manager.network.vtep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

class ExternalVtepRulesTest {
    private static List<MacBinding> bindings(ExternalVtepBinding... raw) {
        return ExternalVtepRules.bindings(Arrays.asList(raw));
    }

    @Test
    void theVtepIsAUnicastAddressLoopbackIncluded() {
        assertThat(ExternalVtepRules.vtepIp("127.0.5.1")).isEqualTo(Ipv4Address.parse("127.0.5.1"));
        assertRefused(() -> ExternalVtepRules.vtepIp("239.1.1.1"), 400, "invalid_value", "vtepIp");
        assertRefused(() -> ExternalVtepRules.vtepIp("0.0.0.0"), 400, "invalid_value", "vtepIp");
        assertRefused(() -> ExternalVtepRules.vtepIp("10.0.0"), 400, "invalid_value", "vtepIp");
    }

    @Test
    void bindingsAreUnicastMacsEachOnceWithOptionalAddresses() {
        var parsed = bindings(new ExternalVtepBinding("00:aa:00:00:00:02", "10.0.1.2"), new ExternalVtepBinding("00:AA:00:00:00:01", null));
        assertThat(parsed).containsExactly(new MacBinding(MacAddress.parse("00:aa:00:00:00:02"), Ipv4Address.parse("10.0.1.2")),
                new MacBinding(MacAddress.parse("00:aa:00:00:00:01"), null));
        assertRefused(() -> ExternalVtepRules.bindings(null), 400, "missing_field", "bindings");
        assertRefused(() -> bindings(new ExternalVtepBinding("01:00:5e:00:00:01", null)), 400, "invalid_value", "bindings[0].mac");
        assertRefused(() -> bindings(new ExternalVtepBinding("00:aa:00:00:00:01", null),
                new ExternalVtepBinding("00:AA:00:00:00:01", null)), 400, "invalid_value", "bindings[1].mac");
        assertRefused(() -> bindings(new ExternalVtepBinding("00:aa:00:00:00:01", "10.0.1")), 400, "invalid_value",
                "bindings[0].ip");
    }

    @Test
    void aMacIsBoundOncePerSwitchAndAHostVtepIsNoExternalOne() {
        var mine = bindings(new ExternalVtepBinding("00:aa:00:00:00:01", null), new ExternalVtepBinding("00:aa:00:00:00:02", null));
        ExternalVtepRules.checkConflicts(mine, Optional.empty(), Map.of(), Map.of());
        var other = assertRefused(() -> ExternalVtepRules.checkConflicts(mine, Optional.empty(),
                Map.of(MacAddress.parse("00:aa:00:00:00:02"), Ipv4Address.parse("172.16.0.8")), Map.of()),
                409, "conflict", "bindings[1].mac");
        assertThat(other.getMessage()).contains("172.16.0.8");
        var vnic = assertRefused(() -> ExternalVtepRules.checkConflicts(mine, Optional.empty(), Map.of(),
                Map.of(MacAddress.parse("00:aa:00:00:00:01"), "vm-1 vNIC 0")), 409, "conflict", "bindings[0].mac");
        assertThat(vnic.getMessage()).contains("vm-1 vNIC 0");
        assertRefused(() -> ExternalVtepRules.checkConflicts(mine, Optional.of(HostId.of("host-1")), Map.of(), Map.of()),
                409, "conflict", "vtepIp");
    }
}
