package org.netweave.dataplane;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a host's data-plane counters.
 *
 * @param framesFromPorts   frames VMs sent into the virtual switch
 * @param framesToPorts     frames delivered to VMs
 * @param vxlanSent         VXLAN packets sent (each replicated copy counts)
 * @param vxlanReceived     VXLAN packets received and accepted
 * @param routed            packets a DLR instance on this host routed
 * @param bridged           frames carried across a bridge instance (both directions)
 * @param arpSuppressed     ARP requests answered locally instead of flooded
 * @param arpFlooded        ARP requests flooded because nobody knew the answer
 * @param flowCacheHits     packets the flow cache forwarded without the switch and router stages
 * @param drops             drops by reason
 */
public record DatapathCounters(
        long framesFromPorts,
        long framesToPorts,
        long vxlanSent,
        long vxlanReceived,
        long routed,
        long bridged,
        long arpSuppressed,
        long arpFlooded,
        long flowCacheHits,
        Map<DropReason, Long> drops) {

    public DatapathCounters {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            copy.put(r, drops.getOrDefault(r, 0L));
        }
        drops = Map.copyOf(copy);
    }

    public long dropped(DropReason reason) {
        return drops.get(reason);
    }

    public long droppedTotal() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
