package org.netweave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueValidationTest {

    @Test
    void vniBelowTheSegmentPoolIsRefusedWithFieldAndValue() {
        assertThatThrownBy(() -> Vni.of(4999))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("vni");
                    assertThat(e.value()).isEqualTo("4999");
                    assertThat(e).hasMessage("vni: 4999 is outside the logical switch range 5000-16777215");
                });
        assertThatThrownBy(() -> Vni.of(1 << 24)).hasMessageContaining("16777216");
        assertThat(Vni.of(5000).value()).isEqualTo(5000);
        assertThat(Vni.of(16_777_215).value()).isEqualTo(16_777_215);
    }

    @Test
    void vlanZeroAndReservedVlanAreRefused() {
        assertThatThrownBy(() -> VlanId.of(0)).hasMessage("vlanId: 0 is outside 1-4094");
        assertThatThrownBy(() -> VlanId.of(4095)).hasMessage("vlanId: 4095 is outside 1-4094");
        assertThat(VlanId.of(100).value()).isEqualTo(100);
    }

    @Test
    void macAddressParsesAndPrintsLowerCaseColonForm() {
        MacAddress mac = MacAddress.parse("02:50:56:AB:cd:0F");
        assertThat(mac.value()).isEqualTo(0x025056abcd0fL);
        assertThat(mac).hasToString("02:50:56:ab:cd:0f");
        assertThat(mac.isLocallyAdministeredUnicast()).isTrue();
        assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
    }

    @Test
    void badMacNamesTheFieldTheUserSent() {
        assertThatThrownBy(() -> MacAddress.parse("routerMac", "02:50:56:zz:00:01"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("routerMac");
                    assertThat(e.getMessage()).startsWith("routerMac: '02:50:56:zz:00:01' is not a MAC address");
                });
        assertThatThrownBy(() -> MacAddress.parse("02:50:56:00:00")).hasMessageStartingWith("mac:");
        assertThatThrownBy(() -> MacAddress.of(1L << 48)).hasMessageContaining("48 bits");
    }

    @Test
    void ipv4AddressRejectsMalformedText() {
        assertThat(Ipv4Address.parse("10.0.1.10").value()).isEqualTo(0x0a00010a);
        assertThat(Ipv4Address.parse("255.255.255.255").value()).isEqualTo(-1);
        for (String bad : new String[] {"", "10.0.1", "10.0.1.256", "10..1.1", "10.0.1.1.1", "a.b.c.d", "010.0.0.1", "10.0.1.1 "}) {
            assertThatThrownBy(() -> Ipv4Address.parse("srcIp", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("srcIp"));
        }
    }

    @Test
    void prefixWithHostBitsSuggestsTheNetwork() {
        assertThatThrownBy(() -> Ipv4Prefix.parse("network", "10.0.1.1/24"))
                .hasMessage("network: '10.0.1.1/24' has host bits set (did you mean 10.0.1.0/24?)");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.1.0/33")).hasMessageContaining("prefix length");
        Ipv4Prefix p = Ipv4Prefix.parse("10.0.0.0/8");
        assertThat(p.contains(Ipv4Address.parse("10.200.3.4"))).isTrue();
        assertThat(p.contains(Ipv4Address.parse("11.0.0.0"))).isFalse();
        assertThat(Ipv4Prefix.DEFAULT_ROUTE.contains(Ipv4Address.parse("1.2.3.4"))).isTrue();
        assertThat(p.overlaps(Ipv4Prefix.parse("10.9.0.0/16"))).isTrue();
        assertThat(p.overlaps(Ipv4Prefix.parse("192.168.0.0/16"))).isFalse();
    }

    @Test
    void interfaceAddressKnowsItsSubnetAndRefusesNetworkAddress() {
        Ipv4InterfaceAddress lif = Ipv4InterfaceAddress.parse("10.0.1.1/24");
        assertThat(lif.subnet()).isEqualTo(Ipv4Prefix.parse("10.0.1.0/24"));
        assertThatThrownBy(() -> Ipv4InterfaceAddress.parse("ipAddress", "10.0.1.0/24"))
                .hasMessageContaining("network or broadcast");
        assertThatThrownBy(() -> Ipv4InterfaceAddress.parse("ipAddress", "10.0.1.255/24"))
                .hasMessageContaining("network or broadcast");
        assertThat(Ipv4InterfaceAddress.parse("10.0.1.0/31").address().value()).isEqualTo(0x0a000100);
    }

    @Test
    void idsRefuseBlankAndUnsafeText() {
        assertThat(HostId.of("host-21").value()).isEqualTo("host-21");
        assertThatThrownBy(() -> HostId.of("")).hasMessage("hostId: '' is missing");
        assertThatThrownBy(() -> DlrId.of("edge 1")).hasMessageStartingWith("dlrId: 'edge 1' may hold only");
        assertThatThrownBy(() -> PortId.of("x".repeat(129))).hasMessageContaining("longer than 128");
    }
}
