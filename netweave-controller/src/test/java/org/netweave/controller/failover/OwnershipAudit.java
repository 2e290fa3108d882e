package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;

/** Checks an ownership history: at no instant do two nodes act for the same slice. */
final class OwnershipAudit {
    private OwnershipAudit() {
    }

    /**
     * @param crashes nodes that vanished without releasing, with the instant they did
     */
    static void assertNeverTwoOwners(List<OwnershipEvent> events, Map<ControllerId, Long> crashes) {
        record Key(Role role, int slice) {
        }
        Map<Key, ControllerId> holder = new HashMap<>();
        List<OwnershipEvent> ordered = events.stream().sorted(Comparator.comparingLong(OwnershipEvent::nanos)).toList();
        for (OwnershipEvent event : ordered) {
            for (Map.Entry<ControllerId, Long> crash : crashes.entrySet()) {
                if (crash.getValue() <= event.nanos()) {
                    holder.values().removeIf(crash.getKey()::equals);
                }
            }
            Key key = new Key(event.role(), event.slice());
            if (event.acquired()) {
                ControllerId current = holder.get(key);
                assertThat(current).as("%s slice %d taken by %s at epoch %d while %s still acts for it; history: %s",
                        event.role().cliName(), event.slice(), event.node(), event.epoch(), current,
                        ordered.stream().filter(e -> e.role() == event.role() && e.slice() == event.slice()).toList())
                        .isIn(null, event.node());
                holder.put(key, event.node());
            } else if (event.node().equals(holder.get(key))) {
                holder.remove(key);
            }
        }
    }
}
