package org.netweave.manager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.LogicalSwitchId;

class FieldsTest {
    @Test
    void modelErrorsAreRenamedToTheRequestPath() {
        var e = assertRefused(() -> Fields.id("interfaces[2].logicalSwitchId", "no spaces", LogicalSwitchId::of),
                400, "invalid_value", "interfaces[2].logicalSwitchId");
        assertThat(e.getMessage()).startsWith("interfaces[2].logicalSwitchId: 'no spaces'");
        assertRefused(() -> Fields.interfaceAddress("interfaces[0].address", "10.0.1.0/24"), 400, "invalid_value",
                "interfaces[0].address");
        assertRefused(() -> Fields.vni("vni", 4999), 400, "invalid_value", "vni");
        assertRefused(() -> Fields.vlan("vlan", 4095), 400, "invalid_value", "vlan");
        assertRefused(() -> Fields.mac("bindings[0].mac", "00:11:22"), 400, "invalid_value", "bindings[0].mac");
    }

    @Test
    void namesArePresentNotBlankAndBounded() {
        assertRefused(() -> Fields.name("name", null, 10), 400, "missing_field", "name");
        assertRefused(() -> Fields.name("name", "  ", 10), 400, "invalid_value", "name");
        assertRefused(() -> Fields.name("name", "x".repeat(11), 10), 400, "invalid_value", "name");
        assertRefused(() -> Fields.name("name", "a\nb", 10), 400, "invalid_value", "name");
        assertThat(Fields.name("name", "web", 10)).isEqualTo("web");
    }

    @Test
    void indexesAreNumbersInRange() {
        assertThat(Fields.index("index", "10", 1, 999)).isEqualTo(10);
        assertRefused(() -> Fields.index("index", "ten", 1, 999), 400, "invalid_value", "index");
        assertRefused(() -> Fields.index("index", "0", 1, 999), 400, "invalid_value", "index");
    }

    @Test
    void messagesNameAFewAndCountTheRest() {
        assertThat(Fields.some(List.of(1, 2, 3))).isEqualTo("1, 2, 3");
        assertThat(Fields.some(List.of(1, 2, 3, 4, 5, 6, 7))).isEqualTo("1, 2, 3, 4, 5 and 2 more");
    }
}
