package org.netweave.manager.network.lswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

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

    /** A pool's first free VNI when {@code vnis} are taken. */
    private static ToIntFunction<VniRange> used(int... vnis) {
        return range -> VniAllocator.firstGap(range.begin().value(),
                IntStream.of(vnis).sorted().filter(range::contains).toArray());
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
    void theFirstGapIsFoundInsideADenseRunAndAfterIt() {
        assertThat(VniAllocator.firstGap(5000, new int[0])).isEqualTo(5000);
        assertThat(VniAllocator.firstGap(5000, new int[] {5001, 5002})).isEqualTo(5000);
        int[] dense = IntStream.range(5000, 15_000).toArray();
        assertThat(VniAllocator.firstGap(5000, dense)).isEqualTo(15_000);
        int[] holed = IntStream.range(5000, 15_000).filter(vni -> vni != 12_345).toArray();
        assertThat(VniAllocator.firstGap(5000, holed)).isEqualTo(12_345);
        int[] holes = IntStream.range(5000, 15_000).filter(vni -> vni != 7_000 && vni != 9_000).toArray();
        assertThat(VniAllocator.firstGap(5000, holes)).isEqualTo(7_000);
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
