package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void numbersInIdsCompareByValue() {
        List<String> ids = new ArrayList<>(List.of("host-10", "host-2", "host-1", "domain-c10", "domain-c9", "host-02"));
        ids.sort(NaturalOrder::compare);
        assertThat(ids).containsExactly("domain-c9", "domain-c10", "host-1", "host-02", "host-2", "host-10");
    }

    @Test
    void equalOnlyForEqualText() {
        assertThat(NaturalOrder.compare("host-2", "host-2")).isZero();
        assertThat(NaturalOrder.compare("host-02", "host-2")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.compare("host-02", "host-2")))
                .isEqualTo(-Integer.signum(NaturalOrder.compare("host-2", "host-02")));
        assertThat(NaturalOrder.compare("host", "host-1")).isNegative();
    }
}
