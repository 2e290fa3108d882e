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

/**
 * Creates and deletes logical switches; checks run inside the write. One per store (the NSX API
 * and the Neutron API share it): it remembers where the segment pools' free VNIs begin.
 */
public final class LogicalSwitchAdminService {
    private final Store store;
    private final LogicalSwitchService service;
    private final FreeVnis freeVnis = new FreeVnis();

    public LogicalSwitchAdminService(Store store, LogicalSwitchService service) {
        this.store = store;
        this.service = service;
    }

    /**
     * Forgets where the free VNIs begin: for a store whose switches went some other way than
     * {@link #delete} (a test fixture emptying the tables); the next creation reads them again.
     */
    public void forgetVniFloors() {
        freeVnis.forget();
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
                ? VniAllocator.allocate(pools, range -> freeVnis.firstFree(handle, range))
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
        LogicalSwitchConfig config = LogicalSwitchStore.get(handle, id)
                .orElseThrow(() -> ApiException.notFound("id", "logical switch", id));
        LogicalSwitchRules.checkDeletable(id, LogicalSwitchStore.usage(handle, id));
        freeVnis.freed(config.vni().value());
        LogicalSwitchStore.delete(handle, id);
        return new NetworkDeletion(id.value(), generation);
    }
}
