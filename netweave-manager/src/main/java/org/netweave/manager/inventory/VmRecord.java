package org.netweave.manager.inventory;

import java.util.List;
import java.util.Optional;

import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/**
 * A VM as stored.
 *
 * @param dlr the DLR whose control VM this is; empty for workloads
 */
public record VmRecord(VmId id, String name, HostId hostId, VmKind kind, PowerState powerState, Optional<DlrId> dlr,
                       List<Vnic> vnics, long generation) {
    public VmRecord {
        vnics = List.copyOf(vnics);
    }
}
