package org.netweave.manager.network.lswitch;

import java.util.List;

/**
 * What uses a logical switch, as text that names each user (for the message of a refused delete).
 *
 * @param vnics    e.g. {@code vm-3 vNIC 0}
 * @param lifs     e.g. {@code LIF 10 'web' of DLR edge-1}
 * @param bridges  e.g. {@code bridge bridge-1 'b1' of DLR edge-1}
 */
public record LogicalSwitchUsage(List<String> vnics, List<String> lifs, List<String> bridges) {
    public LogicalSwitchUsage {
        vnics = List.copyOf(vnics);
        lifs = List.copyOf(lifs);
        bridges = List.copyOf(bridges);
    }

    public boolean isEmpty() {
        return vnics.isEmpty() && lifs.isEmpty() && bridges.isEmpty();
    }
}
