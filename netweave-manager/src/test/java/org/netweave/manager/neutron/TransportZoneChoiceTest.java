package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.model.TransportZoneId;

class TransportZoneChoiceTest {
    private static final TransportZoneId ONE = TransportZoneId.of("vdnscope-1");
    private static final TransportZoneId TWO = TransportZoneId.of("vdnscope-2");

    @Test
    void theSettingWinsIfItsZoneExists() {
        assertThat(TransportZoneChoice.choose(Optional.of(TWO), List.of(ONE, TWO))).isEqualTo(TWO);
        assertThatThrownBy(() -> TransportZoneChoice.choose(Optional.of(TWO), List.of(ONE)))
                .isInstanceOf(NeutronException.class).hasMessageContaining("vdnscope-2");
    }

    @Test
    void withoutTheSettingOnlyASingleZoneIsChosen() {
        assertThat(TransportZoneChoice.choose(Optional.empty(), List.of(ONE))).isEqualTo(ONE);
        assertThatThrownBy(() -> TransportZoneChoice.choose(Optional.empty(), List.of()))
                .extracting(e -> ((NeutronException) e).type()).isEqualTo("NoTransportZone");
        assertThatThrownBy(() -> TransportZoneChoice.choose(Optional.empty(), List.of(ONE, TWO)))
                .extracting(e -> ((NeutronException) e).status()).isEqualTo(409);
    }
}
