package org.netweave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class ValueRoundTripPropertyTest {

    @Test
    void macTextRoundTrips() {
        qt().forAll(longs().between(0, MacAddress.MASK)).checkAssert(value -> {
            MacAddress mac = MacAddress.of(value);
            assertThat(MacAddress.parse(mac.toString())).isEqualTo(mac);
        });
    }

    @Test
    void ipv4TextAndBytesRoundTrip() {
        qt().forAll(integers().all()).checkAssert(value -> {
            Ipv4Address ip = Ipv4Address.of(value);
            assertThat(Ipv4Address.parse(ip.toString())).isEqualTo(ip);
            assertThat(Ipv4Address.fromBytes(ip.toBytes())).isEqualTo(ip);
        });
    }

    @Test
    void prefixTextRoundTripsAndContainsItsNetwork() {
        qt().forAll(integers().all(), integers().between(0, 32)).checkAssert((value, length) -> {
            Ipv4Prefix prefix = new Ipv4Prefix(Ipv4Address.of(value & Ipv4Prefix.mask(length)), length);
            assertThat(Ipv4Prefix.parse(prefix.toString())).isEqualTo(prefix);
            assertThat(prefix.contains(value)).isTrue();
        });
    }
}
