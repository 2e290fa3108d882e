package org.netweave.ovs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The difference between the installed and the desired flows of one bridge, as one ovs-ofctl
 * bundle: {@code delete_strict} for every key that is no longer wanted, {@code add} for every new
 * or changed flow (an add with an existing key replaces it). Pure.
 */
public record FlowDelta(List<Flow.Key> removed, List<Flow> added) {

    public FlowDelta {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    public static FlowDelta between(Collection<Flow> installed, Collection<Flow> desired) {
        Map<Flow.Key, Flow> want = desired.stream().collect(Collectors.toMap(Flow::key, f -> f));
        Map<Flow.Key, Flow> have = new HashMap<>();
        installed.forEach(f -> have.put(f.key(), f));
        List<Flow.Key> removed = new ArrayList<>();
        have.keySet().stream().filter(k -> !want.containsKey(k)).forEach(removed::add);
        List<Flow> added = new ArrayList<>();
        desired.stream().filter(f -> !f.equals(have.get(f.key()))).forEach(added::add);
        removed.sort(Comparator.comparing(Flow.Key::ofctl));
        added.sort(Flow.ORDER);
        return new FlowDelta(removed, added);
    }

    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    /** The bundle file ovs-ofctl {@code --bundle add-flows} reads: deletions first, then additions. */
    public String ofctlBundle() {
        StringBuilder sb = new StringBuilder();
        removed.forEach(k -> sb.append("delete_strict ").append(k.ofctl()).append('\n'));
        added.forEach(f -> sb.append("add ").append(f.ofctl()).append('\n'));
        return sb.toString();
    }
}
