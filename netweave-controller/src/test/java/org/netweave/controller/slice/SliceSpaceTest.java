package org.netweave.controller.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

class SliceSpaceTest {
    @Test
    void theSliceOfAnObjectIsStableAndInRange() {
        SliceSpace space = SliceSpace.DEFAULT;
        assertThat(space.sliceOf(Vni.of(5000))).isEqualTo(space.sliceOf(Vni.of(5000))).isBetween(0, 255);
        assertThat(space.sliceOf(DlrId.of("edge-1"))).isBetween(0, 255);
    }

    @Test
    void consecutiveVnisSpreadOverTheSpace() {
        SliceSpace space = new SliceSpace(8);
        Map<Integer, Integer> perSlice = new HashMap<>();
        for (int vni = 5000; vni < 5800; vni++) {
            perSlice.merge(space.sliceOf(Vni.of(vni)), 1, Integer::sum);
        }
        assertThat(perSlice).hasSize(8);
        assertThat(perSlice.values()).allSatisfy(count -> assertThat(count).isBetween(60, 140));
    }
}
