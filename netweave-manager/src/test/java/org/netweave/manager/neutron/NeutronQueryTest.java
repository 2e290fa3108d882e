package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NeutronQueryTest {
    private static final Set<String> ATTRIBUTES = Set.of("id", "name", "admin_state_up", "mtu", "fixed_ips", "subnets");

    private static Map<String, Object> resource(String id, String name, boolean up, List<String> subnets) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", id);
        resource.put("name", name);
        resource.put("admin_state_up", up);
        resource.put("mtu", 1450);
        resource.put("subnets", subnets);
        resource.put("fixed_ips", List.of(Map.of("subnet_id", "s1", "ip_address", "10.0.0." + id)));
        return resource;
    }

    private static final List<Map<String, Object>> ALL = List.of(resource("1", "a", true, List.of("s1")),
            resource("2", "b", false, List.of("s1", "s2")), resource("3", "c", true, List.of()));

    private static List<Object> ids(Map<String, List<String>> parameters) {
        return NeutronQuery.of(parameters, ATTRIBUTES).apply(ALL).stream().map(r -> r.get("id")).toList();
    }

    @Test
    void repeatedKeysAreAlternativesAndDifferentKeysMustAllMatch() {
        assertThat(ids(Map.of("name", List.of("a", "c")))).containsExactly("1", "3");
        assertThat(ids(Map.of("name", List.of("a", "c"), "admin_state_up", List.of("False")))).isEmpty();
        assertThat(ids(Map.of("admin_state_up", List.of("false")))).containsExactly("2");
        assertThat(ids(Map.of("mtu", List.of("1450")))).containsExactly("1", "2", "3");
        assertThat(ids(Map.of())).containsExactly("1", "2", "3");
    }

    @Test
    void listsMatchAnElementAndDictionariesMatchKeyEqualsValue() {
        assertThat(ids(Map.of("subnets", List.of("s2")))).containsExactly("2");
        assertThat(ids(Map.of("fixed_ips", List.of("ip_address=10.0.0.3")))).containsExactly("3");
        assertThat(ids(Map.of("fixed_ips", List.of("subnet_id=s1")))).containsExactly("1", "2", "3");
        assertThat(ids(Map.of("fixed_ips", List.of("10.0.0.3")))).isEmpty();
    }

    @Test
    void fieldsKeepsTheNamedAttributesInTheirOrderAndPagingIsIgnored() {
        var query = NeutronQuery.of(Map.of("fields", List.of("name", "id", "nope"), "limit", List.of("1")), ATTRIBUTES);
        assertThat(query.apply(ALL)).hasSize(3);
        assertThat(query.apply(ALL).getFirst()).containsExactly(Map.entry("name", "a"), Map.entry("id", "1"));
    }

    @Test
    void aFilterOnAnUnknownAttributeIsABadRequest() {
        assertThatThrownBy(() -> NeutronQuery.of(Map.of("colour", List.of("red")), ATTRIBUTES))
                .isInstanceOf(NeutronException.class).hasMessageContaining("colour");
    }
}
