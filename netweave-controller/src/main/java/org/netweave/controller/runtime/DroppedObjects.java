package org.netweave.controller.runtime;

import java.util.List;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/** The logical switches and DLRs a node let go of when it lost their slices, sorted. */
public record DroppedObjects(List<Vni> logicalSwitches, List<DlrId> dlrs) {
    public DroppedObjects {
        logicalSwitches = logicalSwitches.stream().sorted().toList();
        dlrs = dlrs.stream().sorted().toList();
    }
}
