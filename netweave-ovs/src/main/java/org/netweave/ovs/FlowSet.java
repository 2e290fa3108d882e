package org.netweave.ovs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects flows by their OpenFlow key. Two LIFs sharing a vMAC produce the same flow twice,
 * which is fine; two different flows with one key would silently overwrite each other on the
 * switch, which is a translation bug and fails loudly here.
 */
final class FlowSet {
    private final Map<Flow.Key, Flow> flows = new LinkedHashMap<>();

    void add(Flow flow) {
        Flow old = flows.putIfAbsent(flow.key(), flow);
        if (old != null && !old.equals(flow)) {
            throw new IllegalStateException("two flows with one key:\n  " + old.golden() + "\n  " + flow.golden());
        }
    }

    void add(Stage stage, int priority, String match, Action... actions) {
        add(Flow.of(stage, priority, match, actions));
    }

    List<Flow> sorted() {
        List<Flow> all = new ArrayList<>(flows.values());
        all.sort(Flow.ORDER);
        return List.copyOf(all);
    }
}
