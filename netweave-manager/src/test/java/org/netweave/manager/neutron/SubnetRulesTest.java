package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

class SubnetRulesTest {
    private static final Ipv4Prefix CIDR = Ipv4Prefix.parse("192.168.4.0/28");

    private static AllocationPool pool(String start, String end) {
        return new AllocationPool(Ipv4Address.parse(start), Ipv4Address.parse(end));
    }

    @Test
    void theDefaultGatewayIsTheFirstHostAndNullMeansNone() {
        assertThat(SubnetRules.gateway(CIDR, Optional.empty())).isEqualTo(Ipv4Address.parse("192.168.4.1"));
        assertThat(SubnetRules.gateway(CIDR, Optional.of(Optional.empty()))).isNull();
        assertThat(SubnetRules.gateway(CIDR, Optional.of(Optional.of("192.168.4.14"))))
                .isEqualTo(Ipv4Address.parse("192.168.4.14"));
        assertThatThrownBy(() -> SubnetRules.gateway(CIDR, Optional.of(Optional.of("192.168.4.15"))))
                .isInstanceOf(NeutronException.class).hasMessageContaining("gateway_ip");
    }

    @Test
    void theDefaultPoolsAreEveryHostButTheGateway() {
        assertThat(SubnetRules.defaultPools(CIDR, Ipv4Address.parse("192.168.4.1")))
                .containsExactly(pool("192.168.4.2", "192.168.4.14"));
        assertThat(SubnetRules.defaultPools(CIDR, Ipv4Address.parse("192.168.4.14")))
                .containsExactly(pool("192.168.4.1", "192.168.4.13"));
        assertThat(SubnetRules.defaultPools(CIDR, Ipv4Address.parse("192.168.4.5")))
                .containsExactly(pool("192.168.4.1", "192.168.4.4"), pool("192.168.4.6", "192.168.4.14"));
        assertThat(SubnetRules.defaultPools(CIDR, null)).containsExactly(pool("192.168.4.1", "192.168.4.14"));
    }

    @Test
    void givenPoolsAreHostsInOrderDisjointAndWithoutTheGateway() {
        Ipv4Address gateway = Ipv4Address.parse("192.168.4.1");
        assertThat(SubnetRules.checkPools(CIDR, gateway, List.of(pool("192.168.4.9", "192.168.4.10"),
                pool("192.168.4.2", "192.168.4.3")))).containsExactly(pool("192.168.4.2", "192.168.4.3"),
                pool("192.168.4.9", "192.168.4.10"));
        assertThatThrownBy(() -> SubnetRules.checkPools(CIDR, gateway, List.of(pool("192.168.4.2", "192.168.4.15"))))
                .hasMessageContaining("beyond");
        assertThatThrownBy(() -> SubnetRules.checkPools(CIDR, gateway, List.of(pool("192.168.4.5", "192.168.4.2"))))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> SubnetRules.checkPools(CIDR, gateway, List.of(pool("192.168.4.1", "192.168.4.2"))))
                .hasMessageContaining("Gateway ip 192.168.4.1");
        assertThatThrownBy(() -> SubnetRules.checkPools(CIDR, gateway, List.of(pool("192.168.4.2", "192.168.4.6"),
                pool("192.168.4.6", "192.168.4.8")))).hasMessageContaining("overlap");
    }

    @Test
    void theNextFreeAddressIsTheLowestUnusedOneOfThePoolsInOrder() {
        List<AllocationPool> pools = List.of(pool("192.168.4.2", "192.168.4.3"), pool("192.168.4.10", "192.168.4.11"));
        assertThat(SubnetRules.nextFree(pools, Set.of())).contains(Ipv4Address.parse("192.168.4.2"));
        assertThat(SubnetRules.nextFree(pools, Set.of(Ipv4Address.parse("192.168.4.2"), Ipv4Address.parse("192.168.4.3"))))
                .contains(Ipv4Address.parse("192.168.4.10"));
        assertThat(SubnetRules.nextFree(List.of(pool("192.168.4.2", "192.168.4.2")), Set.of(Ipv4Address.parse("192.168.4.2"))))
                .isEmpty();
    }

    @Test
    void aCidrIsANetworkOfEightToThirtyBits() {
        assertThat(SubnetRules.cidr("10.0.0.0/30").length()).isEqualTo(30);
        assertThatThrownBy(() -> SubnetRules.cidr("10.0.0.0/31")).hasMessageContaining("cidr");
        assertThatThrownBy(() -> SubnetRules.cidr("10.0.0.1/24")).hasMessageContaining("host bits");
        assertThatThrownBy(() -> SubnetRules.cidr("ten")).isInstanceOf(NeutronException.class);
    }
}
