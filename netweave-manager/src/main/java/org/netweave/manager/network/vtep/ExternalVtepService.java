package org.netweave.manager.network.vtep;

import java.util.List;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.store.Store;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;

/** Reads of a logical switch's external VTEPs. */
public final class ExternalVtepService {
    private final Store store;

    public ExternalVtepService(Store store) {
        this.store = store;
    }

    public List<ExternalVtep> list(LogicalSwitchId logicalSwitch) {
        return store.read(handle -> {
            requireSwitch(handle, logicalSwitch);
            return ExternalVtepStore.list(handle, logicalSwitch).stream().map(ExternalVtep::of).toList();
        });
    }

    public ExternalVtep get(LogicalSwitchId logicalSwitch, Ipv4Address vtep) {
        return store.read(handle -> {
            requireSwitch(handle, logicalSwitch);
            return ExternalVtepStore.get(handle, logicalSwitch, vtep).map(ExternalVtep::of)
                    .orElseThrow(() -> ApiException.notFound("vtepIp", "external VTEP", vtep + " on " + logicalSwitch));
        });
    }

    /** The switch's external VTEPs as stored, for the controllers' MAC and VTEP tables. */
    public List<ExternalVtepConfig> configs(LogicalSwitchId logicalSwitch) {
        return store.read(handle -> ExternalVtepStore.list(handle, logicalSwitch));
    }

    static void requireSwitch(Handle handle, LogicalSwitchId logicalSwitch) {
        LogicalSwitchStore.get(handle, logicalSwitch)
                .orElseThrow(() -> ApiException.notFound("id", "logical switch", logicalSwitch));
    }
}
