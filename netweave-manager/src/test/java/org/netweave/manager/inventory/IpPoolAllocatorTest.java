package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

class IpPoolAllocatorTest {
    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    private static IpPoolRecord pool(String start, String end, int length, String gateway) {
        return new IpPoolRecord(IpPoolId.of("ipaddresspool-1"), "vtep", ip(start), ip(end), length,
                Optional.ofNullable(gateway).map(Ipv4Address::parse), 1);
    }

    @Test
    void lowestFreeAddressesFirstSkippingUsedOnes() {
        var pool = pool("10.9.0.10", "10.9.0.14", 24, "10.9.0.1");
        assertThat(IpPoolAllocator.allocate(pool, Set.of(ip("10.9.0.11"), ip("10.9.0.13")), 3))
                .containsExactly(ip("10.9.0.10"), ip("10.9.0.12"), ip("10.9.0.14"));
        assertThat(IpPoolAllocator.allocated(pool, Set.of(ip("10.9.0.11"), ip("10.9.0.200")))).isEqualTo(1);
        assertThat(pool.size()).isEqualTo(5);
    }

    @Test
    void anExhaustedPoolYieldsFewerThanAsked() {
        var pool = pool("10.9.0.10", "10.9.0.11", 24, null);
        assertThat(IpPoolAllocator.allocate(pool, Set.of(ip("10.9.0.10")), 2)).containsExactly(ip("10.9.0.11"));
    }

    @Test
    void rangesAcrossTheSignBitOfAnIntStillCountUp() {
        var pool = pool("200.0.0.254", "200.0.1.1", 23, null);
        assertThat(IpPoolAllocator.allocate(pool, Set.of(), 10))
                .containsExactly(ip("200.0.0.254"), ip("200.0.0.255"), ip("200.0.1.0"), ip("200.0.1.1"));
    }

    @Test
    void aPoolRefusesRangesThatCannotAllBeVteps() {
        assertThatThrownBy(() -> pool("10.9.0.10", "10.9.1.10", 24, null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("end").hasMessageContaining("outside the subnet");
        assertThatThrownBy(() -> pool("10.9.0.20", "10.9.0.10", 24, null)).hasMessageContaining("comes before start");
        assertThatThrownBy(() -> pool("10.9.0.0", "10.9.0.10", 24, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> pool("10.9.0.10", "10.9.0.255", 24, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> pool("10.9.0.10", "10.9.0.20", 24, "10.9.0.15"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("gateway"));
        assertThatThrownBy(() -> pool("10.9.0.10", "10.9.0.20", 24, "10.8.0.1")).hasMessageContaining("outside the pool's subnet");
    }

    @Test
    void theVtepDeviceIsTheLowestFreeVmkNumber() {
        assertThat(VmkernelPort.nextFreeDevice(Set.of("vmk0", "vmk1", "vmk3"))).isEqualTo("vmk2");
        assertThat(VmkernelPort.nextFreeDevice(Set.of("vmk1"))).isEqualTo("vmk0");
    }
}
