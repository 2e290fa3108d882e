package org.netweave.manager.network.lswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.netweave.manager.network.pool.SegmentPoolConfig;
import org.netweave.manager.network.pool.VniRange;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.SegmentPoolId;
import org.netweave.model.Vni;

class VniAllocatorTest {
    private static SegmentPoolConfig pool(int begin, int end) {
        return new SegmentPoolConfig(SegmentPoolId.of("segmentpool-" + begin), "p" + begin,
                new VniRange(Vni.of(begin), Vni.of(end)), 1);
    }

    private static TreeSet<Integer> used(Integer... vnis) {
        return new TreeSet<>(List.of(vnis));
    }

    @Test
    void theLowestFreeVniOfThePoolsInRangeOrder() {
        var pools = List.of(pool(8000, 8001), pool(5000, 5002));
        assertThat(VniAllocator.allocate(pools, used()).value()).isEqualTo(5000);
        assertThat(VniAllocator.allocate(pools, used(5000, 5001)).value()).isEqualTo(5002);
        assertThat(VniAllocator.allocate(pools, used(5000, 5002)).value()).isEqualTo(5001);
        assertThat(VniAllocator.allocate(pools, used(5000, 5001, 5002)).value()).isEqualTo(8000);
        assertThat(VniAllocator.allocate(pools, used(4000, 5000, 5001, 5002, 8000, 9000)).value()).isEqualTo(8001);
    }

    @Test
    void fullOrMissingPoolsAreAConflict() {
        var pools = List.of(pool(5000, 5001));
        assertRefused(() -> VniAllocator.allocate(pools, used(5000, 5001)), 409, "conflict", null);
        assertRefused(() -> VniAllocator.allocate(List.of(), used()), 409, "conflict", null);
        assertThat(VniAllocator.lowestFree(List.of(new VniRange(Vni.of(16_777_215), Vni.of(16_777_215))), used(16_777_215)))
                .isEmpty();
    }

    @Test
    void anExplicitVniIsInRangeInsideAPoolAndFree() {
        var pools = List.of(pool(5000, 5999));
        assertThat(VniAllocator.explicit(5500, pools, Optional.empty()).value()).isEqualTo(5500);
        assertRefused(() -> VniAllocator.explicit(4999, pools, Optional.empty()), 400, "invalid_value", "vni");
        assertRefused(() -> VniAllocator.explicit(16_777_216, pools, Optional.empty()), 400, "invalid_value", "vni");
        assertRefused(() -> VniAllocator.explicit(6000, pools, Optional.empty()), 409, "conflict", "vni");
        var taken = assertRefused(() -> VniAllocator.explicit(5500, pools, Optional.of(LogicalSwitchId.of("virtualwire-2"))),
                409, "conflict", "vni");
        assertThat(taken.getMessage()).contains("virtualwire-2");
    }
}
