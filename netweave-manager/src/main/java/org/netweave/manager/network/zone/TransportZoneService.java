package org.netweave.manager.network.zone;

import java.util.List;
import java.util.Map;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Spans;
import org.netweave.manager.store.Store;
import org.netweave.model.HostId;
import org.netweave.model.TransportZoneId;

/** Reads of transport zones, and the hosts they span. */
public final class TransportZoneService {
    private final Store store;

    public TransportZoneService(Store store) {
        this.store = store;
    }

    public List<TransportZone> list() {
        return store.read(handle -> {
            Map<TransportZoneId, List<HostId>> hosts = Spans.hostsByZone(handle);
            return TransportZoneStore.list(handle).stream()
                    .map(zone -> TransportZone.of(zone, hosts.getOrDefault(zone.id(), List.of()))).toList();
        });
    }

    public TransportZone get(TransportZoneId id) {
        return store.read(handle -> TransportZone.of(find(handle, id), Spans.hostsOfZone(handle, id)));
    }

    /** The zone as stored; 404 naming {@code id} if there is none. */
    public TransportZoneConfig config(TransportZoneId id) {
        return store.read(handle -> find(handle, id));
    }

    /** The hosts of the zone's clusters: where its logical switches and DLRs must exist. */
    public List<HostId> hosts(TransportZoneId id) {
        return store.read(handle -> Spans.hostsOfZone(handle, id));
    }

    private static TransportZoneConfig find(org.jdbi.v3.core.Handle handle, TransportZoneId id) {
        return TransportZoneStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "transport zone", id));
    }
}
