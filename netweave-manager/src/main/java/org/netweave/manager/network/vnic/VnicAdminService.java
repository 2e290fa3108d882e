package org.netweave.manager.network.vnic;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.lswitch.LogicalSwitchConfig;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.store.Store;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VmId;

/** Attaches vNICs to logical switches and detaches them. */
public final class VnicAdminService {
    private final Store store;

    public VnicAdminService(Store store) {
        this.store = store;
    }

    public VnicAttachment attach(VmId vm, int index, VnicAttachmentRequest request) {
        return store.write((handle, generation) -> {
            LogicalSwitchId target = request.logicalSwitchId() == null ? null
                    : Fields.id("logicalSwitchId", request.logicalSwitchId(), LogicalSwitchId::of);
            if (!VnicStore.vmExists(handle, vm)) {
                throw ApiException.notFound("vmId", "VM", vm);
            }
            VnicPlacement vnic = VnicStore.find(handle, vm, index)
                    .orElseThrow(() -> ApiException.notFound("index", "vNIC", vm + " vNIC " + index));
            if (target != null) {
                LogicalSwitchConfig ls = LogicalSwitchStore.get(handle, target)
                        .orElseThrow(() -> ApiException.notFound("logicalSwitchId", "logical switch", target));
                VnicRules.checkAttach(vnic, ls, TransportZoneStore.clusters(handle, ls.transportZone()),
                        VnicStore.externalVtepWithMac(handle, target, vnic.mac()));
            }
            VnicStore.attach(handle, vm, index, target, generation);
            return VnicAttachment.of(new VnicPlacement(vm, index, vnic.mac(), vnic.ip(), vnic.host(), vnic.cluster(),
                    target, generation));
        }).value();
    }
}
