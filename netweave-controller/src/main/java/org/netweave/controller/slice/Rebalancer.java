package org.netweave.controller.slice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.netweave.model.ControllerId;

/**
 * Computes the next slice-to-node assignment from the previous one and the live nodes. A pure
 * function: no clock, no ZooKeeper, so the property test can drive it through thousands of join
 * and loss sequences.
 *
 * <p>The result is balanced (slice counts of any two live nodes differ by at most one) and moves
 * as little as possible: a slice stays with its owner while that owner is live and not above its
 * quota. So a lost node's slices are the only ones that move when a node fails, and a returning
 * node takes just enough slices from the fullest nodes to reach its quota.
 */
public final class Rebalancer {
    private Rebalancer() {
    }

    /**
     * @param previous {@code previous.get(slice)} is the old owner; empty for the first assignment
     * @param live     the nodes that may own slices now
     * @return the new owner of every slice, or an empty list when no node is live
     */
    public static List<ControllerId> rebalance(int sliceCount, List<ControllerId> previous, Set<ControllerId> live) {
        if (live.isEmpty()) {
            return List.of();
        }
        if (!previous.isEmpty() && previous.size() != sliceCount) {
            throw new IllegalArgumentException("previous assignment has " + previous.size() + " slices, expected " + sliceCount);
        }
        Map<ControllerId, List<Integer>> kept = keptSlices(sliceCount, previous, live);
        Map<ControllerId, Integer> quota = quotas(sliceCount, kept);

        ControllerId[] owners = new ControllerId[sliceCount];
        Deque<Integer> pool = new ArrayDeque<>();
        for (int slice = 0; slice < sliceCount; slice++) {
            ControllerId owner = previous.isEmpty() ? null : previous.get(slice);
            if (owner == null || !live.contains(owner)) {
                pool.add(slice);
            }
        }
        for (Map.Entry<ControllerId, List<Integer>> entry : kept.entrySet()) {
            List<Integer> slices = entry.getValue();
            int keep = Math.min(slices.size(), quota.get(entry.getKey()));
            // A node above its quota gives up its highest slices; which ones is arbitrary but
            // must be deterministic so that two masters computing at once publish the same list.
            for (int i = 0; i < slices.size(); i++) {
                if (i < keep) {
                    owners[slices.get(i)] = entry.getKey();
                } else {
                    pool.add(slices.get(i));
                }
            }
        }
        List<Integer> free = new ArrayList<>(pool);
        free.sort(Comparator.naturalOrder());
        int next = 0;
        for (Map.Entry<ControllerId, List<Integer>> entry : kept.entrySet()) {
            int missing = quota.get(entry.getKey()) - Math.min(entry.getValue().size(), quota.get(entry.getKey()));
            for (int i = 0; i < missing; i++) {
                owners[free.get(next++)] = entry.getKey();
            }
        }
        return List.of(owners);
    }

    private static Map<ControllerId, List<Integer>> keptSlices(int sliceCount, List<ControllerId> previous, Set<ControllerId> live) {
        Map<ControllerId, List<Integer>> kept = new java.util.TreeMap<>();
        for (ControllerId node : new TreeSet<>(live)) {
            kept.put(node, new ArrayList<>());
        }
        for (int slice = 0; slice < previous.size(); slice++) {
            List<Integer> slices = kept.get(previous.get(slice));
            if (slices != null) {
                slices.add(slice);
            }
        }
        return kept;
    }

    /**
     * Every node gets floor(n/k) slices and {@code n mod k} of them one more. The extra ones go to
     * the nodes holding the most already (ties by id), which is what keeps movement minimal.
     */
    private static Map<ControllerId, Integer> quotas(int sliceCount, Map<ControllerId, List<Integer>> kept) {
        int nodes = kept.size();
        int base = sliceCount / nodes;
        int extra = sliceCount % nodes;
        List<ControllerId> byHeld = new ArrayList<>(kept.keySet());
        byHeld.sort(Comparator.<ControllerId>comparingInt(node -> kept.get(node).size()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        Map<ControllerId, Integer> quota = new HashMap<>();
        for (int i = 0; i < byHeld.size(); i++) {
            quota.put(byHeld.get(i), base + (i < extra ? 1 : 0));
        }
        return quota;
    }
}
