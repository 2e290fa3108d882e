package org.netweave.controller.runtime;

import java.util.Comparator;
import java.util.List;
import org.netweave.model.DlrId;

/**
 * What a host connection's end changed on a node: the deltas to push to the hosts still joined to
 * each affected VNI, and the DLRs whose state (designated instances) moved, to push in full.
 *
 * @param vniDeltas   non-empty deltas only, by VNI
 * @param changedDlrs by id
 */
public record DisconnectOutcome(List<VniDelta> vniDeltas, List<DlrId> changedDlrs) {
    public DisconnectOutcome {
        vniDeltas = vniDeltas.stream().sorted(Comparator.comparing(VniDelta::vni)).toList();
        changedDlrs = changedDlrs.stream().sorted().toList();
    }

    public boolean isEmpty() {
        return vniDeltas.isEmpty() && changedDlrs.isEmpty();
    }
}
