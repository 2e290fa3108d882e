package org.netweave.manager.network.vnic;

import java.util.List;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.store.Store;
import org.netweave.model.LogicalSwitchId;

/** Reads of vNIC attachments. */
public final class VnicService {
    private final Store store;

    public VnicService(Store store) {
        this.store = store;
    }

    /** The vNICs attached to a switch (404 naming {@code id} for an unknown switch). */
    public List<VnicAttachment> attachedTo(LogicalSwitchId logicalSwitch) {
        return store.read(handle -> {
            LogicalSwitchStore.get(handle, logicalSwitch)
                    .orElseThrow(() -> ApiException.notFound("id", "logical switch", logicalSwitch));
            return VnicStore.attachedTo(handle, logicalSwitch).stream().map(VnicAttachment::of).toList();
        });
    }

    /** The vNICs attached to a switch with their hosts, for the control plane (which hosts join the VNI). */
    public List<VnicPlacement> placements(LogicalSwitchId logicalSwitch) {
        return store.read(handle -> VnicStore.attachedTo(handle, logicalSwitch));
    }
}
