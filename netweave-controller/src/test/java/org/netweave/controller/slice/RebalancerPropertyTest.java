package org.netweave.controller.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;

/**
 * Random sequences of node joins and losses: after every step the assignment is balanced and
 * moves no more slices than the best possible balanced assignment would.
 */
class RebalancerPropertyTest {
    private static final int MAX_NODES = 6;

    @Test
    void everyStepIsBalancedAndMovesOnlyWhatItMust() {
        qt().withExamples(400)
                .forAll(integers().between(1, 300), lists().of(integers().between(0, 2 * MAX_NODES - 1)).ofSizeBetween(1, 30))
                .checkAssert((sliceCount, steps) -> {
                    Set<ControllerId> live = new HashSet<>();
                    List<ControllerId> owners = List.of();
                    for (int step : steps) {
                        ControllerId node = ControllerId.of("controller-" + (step % MAX_NODES));
                        if (step < MAX_NODES) {
                            live.add(node);
                        } else {
                            live.remove(node);
                        }
                        List<ControllerId> next = Rebalancer.rebalance(sliceCount, owners, live);
                        assertBalanced(sliceCount, next, live);
                        assertMinimalMovement(sliceCount, owners, next, live);
                        owners = next;
                    }
                });
    }

    @Test
    void losingOneOfThreeMovesExactlyTheLostNodesSlices() {
        Set<ControllerId> three = Set.of(ControllerId.of("c1"), ControllerId.of("c2"), ControllerId.of("c3"));
        List<ControllerId> before = Rebalancer.rebalance(256, List.of(), three);
        List<ControllerId> after = Rebalancer.rebalance(256, before, Set.of(ControllerId.of("c1"), ControllerId.of("c3")));
        for (int slice = 0; slice < 256; slice++) {
            if (before.get(slice).equals(ControllerId.of("c2"))) {
                assertThat(after.get(slice)).isIn(ControllerId.of("c1"), ControllerId.of("c3"));
            } else {
                assertThat(after.get(slice)).as("slice %d of a surviving node", slice).isEqualTo(before.get(slice));
            }
        }
        assertThat(count(after, ControllerId.of("c1"))).isEqualTo(128);
        assertThat(count(after, ControllerId.of("c3"))).isEqualTo(128);
    }

    @Test
    void noLiveNodeMeansNoOwner() {
        assertThat(Rebalancer.rebalance(16, List.of(), Set.of())).isEmpty();
    }

    private static void assertBalanced(int sliceCount, List<ControllerId> owners, Set<ControllerId> live) {
        if (live.isEmpty()) {
            assertThat(owners).isEmpty();
            return;
        }
        assertThat(owners).hasSize(sliceCount);
        assertThat(live).containsAll(owners);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (ControllerId node : live) {
            int count = count(owners, node);
            min = Math.min(min, count);
            max = Math.max(max, count);
        }
        assertThat(max - min).as("max - min slices per node").isLessThanOrEqualTo(1);
    }

    /**
     * The fewest moves any balanced assignment could make, found by trying every choice of which
     * nodes get the extra slice (brute force, independent of how the rebalancer chooses).
     */
    private static void assertMinimalMovement(int sliceCount, List<ControllerId> before, List<ControllerId> after,
                                              Set<ControllerId> live) {
        if (before.isEmpty() || live.isEmpty()) {
            return;
        }
        int moved = 0;
        for (int slice = 0; slice < sliceCount; slice++) {
            if (!before.get(slice).equals(after.get(slice))) {
                moved++;
            }
        }
        List<ControllerId> nodes = new ArrayList<>(new TreeMap<ControllerId, Object>(asMap(live)).keySet());
        int base = sliceCount / nodes.size();
        int extra = sliceCount % nodes.size();
        int best = Integer.MAX_VALUE;
        for (int mask = 0; mask < (1 << nodes.size()); mask++) {
            if (Integer.bitCount(mask) != extra) {
                continue;
            }
            int keptTotal = 0;
            for (int i = 0; i < nodes.size(); i++) {
                int quota = base + ((mask >> i & 1) == 1 ? 1 : 0);
                keptTotal += Math.min(quota, count(before, nodes.get(i)));
            }
            best = Math.min(best, sliceCount - keptTotal);
        }
        assertThat(moved).as("slices moved").isEqualTo(best);
    }

    private static TreeMap<ControllerId, Object> asMap(Set<ControllerId> nodes) {
        TreeMap<ControllerId, Object> map = new TreeMap<>();
        nodes.forEach(node -> map.put(node, node));
        return map;
    }

    private static int count(List<ControllerId> owners, ControllerId node) {
        int count = 0;
        for (ControllerId owner : owners) {
            if (owner.equals(node)) {
                count++;
            }
        }
        return count;
    }
}
