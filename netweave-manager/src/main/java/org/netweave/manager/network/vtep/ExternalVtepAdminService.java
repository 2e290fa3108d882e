package org.netweave.manager.network.vtep;

import java.util.List;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.store.Store;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;

/**
 * Puts and removes external VTEPs. Each write also stamps the logical switch, since its hosts'
 * MAC and VTEP tables change with it.
 */
public final class ExternalVtepAdminService {
    private final Store store;

    public ExternalVtepAdminService(Store store) {
        this.store = store;
    }

    public ExternalVtep put(LogicalSwitchId logicalSwitch, String vtepIp, ExternalVtepRequest request) {
        return store.write((handle, generation) -> {
            Ipv4Address vtep = ExternalVtepRules.vtepIp(vtepIp);
            List<MacBinding> bindings = ExternalVtepRules.bindings(request.bindings());
            ExternalVtepService.requireSwitch(handle, logicalSwitch);
            ExternalVtepRules.checkConflicts(bindings, ExternalVtepStore.hostWithVtep(handle, vtep),
                    ExternalVtepStore.macsOfOtherVteps(handle, logicalSwitch, vtep),
                    ExternalVtepStore.attachedVnicMacs(handle, logicalSwitch));
            var config = new ExternalVtepConfig(logicalSwitch, vtep, bindings, generation);
            ExternalVtepStore.replace(handle, config);
            LogicalSwitchStore.stamp(handle, logicalSwitch, generation);
            return ExternalVtep.of(config);
        }).value();
    }

    public NetworkDeletion delete(LogicalSwitchId logicalSwitch, String vtepIp) {
        return store.write((handle, generation) -> {
            Ipv4Address vtep = ExternalVtepRules.vtepIp(vtepIp);
            ExternalVtepService.requireSwitch(handle, logicalSwitch);
            ExternalVtepStore.get(handle, logicalSwitch, vtep)
                    .orElseThrow(() -> ApiException.notFound("vtepIp", "external VTEP", vtep + " on " + logicalSwitch));
            ExternalVtepStore.delete(handle, logicalSwitch, vtep);
            LogicalSwitchStore.stamp(handle, logicalSwitch, generation);
            return new NetworkDeletion(vtep.toString(), generation);
        }).value();
    }
}
