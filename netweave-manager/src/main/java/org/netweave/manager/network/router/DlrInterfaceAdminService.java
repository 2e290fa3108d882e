package org.netweave.manager.network.router;

import java.util.List;
import java.util.Map;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;

/** Adds and removes interfaces of a deployed DLR (desired state; the reconciler pushes it south). */
public final class DlrInterfaceAdminService {
    private final Store store;

    public DlrInterfaceAdminService(Store store) {
        this.store = store;
    }

    /** NSX {@code POST /4.0/edges/{id}/interfaces?action=patch}, one interface; its index is chosen here. */
    public DlrInterface add(DlrId id, DlrInterfaceRequest request) {
        return store.write((handle, generation) -> {
            LifSpec spec = LifRules.parse(request, "");
            DlrConfig dlr = DlrService.findChangeable(handle, id);
            var switches = LifStore.switchFacts(handle,
                    spec.logicalSwitch() == null ? List.of() : List.of(spec.logicalSwitch()));
            var vlans = LifStore.vlanOwners(handle, spec.vlan() == null ? List.of() : List.of(spec.vlan()));
            LifRules.checkNetworks(dlr.ref(), dlr.transportZone(), List.of(spec), switches, vlans);
            Lif lif = LifRules.assign(dlr.lifs(), List.of(spec), spec.logicalSwitch() == null ? Map.of()
                    : Map.of(spec.logicalSwitch(), switches.get(spec.logicalSwitch()).vni()), generation).getFirst();
            LifStore.insert(handle, id, lif);
            DlrStore.stamp(handle, id, generation);
            return DlrInterface.of(lif);
        }).value();
    }

    public NetworkDeletion remove(DlrId id, int index) {
        return store.write((handle, generation) -> {
            DlrConfig dlr = DlrService.findChangeable(handle, id);
            Lif removed = dlr.lifs().stream().filter(lif -> lif.index() == index).findFirst()
                    .orElseThrow(() -> ApiException.notFound("index", "interface", index + " on DLR " + id));
            LifRules.checkRemovable(dlr.lifs(), removed, dlr.staticRoutes(), dlr.defaultRoute());
            LifStore.delete(handle, id, index);
            DlrStore.stamp(handle, id, generation);
            return new NetworkDeletion(String.valueOf(index), generation);
        }).value();
    }
}
