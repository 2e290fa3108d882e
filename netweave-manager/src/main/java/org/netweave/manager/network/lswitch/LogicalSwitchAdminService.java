package org.netweave.manager.network.lswitch;

import java.util.List;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.network.pool.SegmentPoolConfig;
import org.netweave.manager.network.pool.SegmentPoolStore;
import org.netweave.manager.network.zone.TransportZoneConfig;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.store.Store;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/** Creates and deletes logical switches; checks run inside the write. */
public final class LogicalSwitchAdminService {
    private final Store store;
    private final LogicalSwitchService service;

    public LogicalSwitchAdminService(Store store, LogicalSwitchService service) {
        this.store = store;
        this.service = service;
    }

    public LogicalSwitch create(LogicalSwitchRequest request) {
        return store.write((handle, generation) -> create(handle, generation, request)).value();
    }

    /** Creates the switch inside the caller's write (the Neutron API's network create is one write). */
    public LogicalSwitch create(Handle handle, long generation, LogicalSwitchRequest request) {
        String name = Fields.name("name", request.name(), Fields.MAX_NAME);
        TransportZoneId zoneId = Fields.id("transportZoneId", request.transportZoneId(), TransportZoneId::of);
        if (request.vni() != null) {
            Fields.vni("vni", request.vni());
        }
        LogicalSwitchStore.idByName(handle, name).ifPresent(other -> {
            throw ApiException.conflict("name", "logical switch " + other + " is already named '" + name + "'");
        });
        TransportZoneConfig zone = TransportZoneStore.get(handle, zoneId)
                .orElseThrow(() -> ApiException.notFound("transportZoneId", "transport zone", zoneId));
        List<SegmentPoolConfig> pools = SegmentPoolStore.list(handle);
        Vni vni = request.vni() == null
                ? VniAllocator.allocate(pools, LogicalSwitchStore.usedVnis(handle))
                : VniAllocator.explicit(request.vni(), pools,
                        LogicalSwitchStore.byVni(handle, Vni.of(request.vni())).map(LogicalSwitchConfig::id));
        var config = new LogicalSwitchConfig(LogicalSwitchId.of(Store.nextId(handle, "virtualwire", "-")), name, vni,
                zoneId, request.replicationMode() == null ? zone.replicationMode() : request.replicationMode(),
                generation);
        LogicalSwitchStore.insert(handle, config);
        return service.view(handle, config);
    }

    /** Refused while a vNIC is attached or a LIF or bridge uses the switch; its external VTEPs go with it. */
    public NetworkDeletion delete(LogicalSwitchId id) {
        return store.write((handle, generation) -> delete(handle, generation, id)).value();
    }

    /** Deletes the switch inside the caller's write, with the same checks. */
    public NetworkDeletion delete(Handle handle, long generation, LogicalSwitchId id) {
        LogicalSwitchStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "logical switch", id));
        LogicalSwitchRules.checkDeletable(id, LogicalSwitchStore.usage(handle, id));
        LogicalSwitchStore.delete(handle, id);
        return new NetworkDeletion(id.value(), generation);
    }
}
