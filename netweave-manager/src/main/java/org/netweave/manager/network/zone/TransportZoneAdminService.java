package org.netweave.manager.network.zone;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.network.Spans;
import org.netweave.manager.store.Store;
import org.netweave.model.ClusterId;
import org.netweave.model.TransportZoneId;

/** Creates, expands, shrinks and deletes transport zones; checks run inside the write. */
public final class TransportZoneAdminService {
    private final Store store;

    public TransportZoneAdminService(Store store) {
        this.store = store;
    }

    public TransportZone create(TransportZoneRequest request) {
        return store.write((handle, generation) -> {
            String name = Fields.name("name", request.name(), Fields.MAX_NAME);
            var mode = Fields.required("replicationMode", request.replicationMode());
            List<ClusterId> clusters = TransportZoneRules.clusterIds(request.clusterIds());
            TransportZoneStore.idByName(handle, name).ifPresent(other -> {
                throw ApiException.conflict("name", "transport zone " + other + " is already named '" + name + "'");
            });
            TransportZoneRules.checkKnown(clusters, TransportZoneStore.existingClusters(handle, clusters));
            var zone = new TransportZoneConfig(TransportZoneId.of(Store.nextId(handle, "vdnscope", "-")), name, mode,
                    clusters.stream().sorted().toList(), generation);
            TransportZoneStore.insert(handle, zone);
            return TransportZone.of(zone, Spans.hostsOfZone(handle, zone.id()));
        }).value();
    }

    /** Adds clusters (NSX {@code ?action=expand}). */
    public TransportZone expand(TransportZoneId id, TransportZoneClusterChange change) {
        return store.write((handle, generation) -> {
            TransportZoneConfig zone = find(handle, id);
            List<ClusterId> adding = TransportZoneRules.clusterIds(change.clusterIds());
            TransportZoneRules.checkKnown(adding, TransportZoneStore.existingClusters(handle, adding));
            TransportZoneRules.checkExpand(id, adding, Set.copyOf(zone.clusters()), TransportZoneStore.usage(handle, id));
            TransportZoneStore.addClusters(handle, id, adding);
            return changed(handle, id, generation);
        }).value();
    }

    /** Takes clusters out (NSX {@code ?action=shrink}); see {@link TransportZoneRules} for when that is refused. */
    public TransportZone shrink(TransportZoneId id, TransportZoneClusterChange change) {
        return store.write((handle, generation) -> {
            TransportZoneConfig zone = find(handle, id);
            List<ClusterId> removing = TransportZoneRules.clusterIds(change.clusterIds());
            TransportZoneRules.checkKnown(removing, TransportZoneStore.existingClusters(handle, removing));
            TransportZoneRules.checkShrink(id, removing, new HashSet<>(zone.clusters()), TransportZoneStore.usage(handle, id));
            TransportZoneStore.removeClusters(handle, id, removing);
            return changed(handle, id, generation);
        }).value();
    }

    public NetworkDeletion delete(TransportZoneId id) {
        return store.write((handle, generation) -> {
            find(handle, id);
            TransportZoneRules.checkDeletable(id, TransportZoneStore.usage(handle, id));
            TransportZoneStore.delete(handle, id);
            return new NetworkDeletion(id.value(), generation);
        }).value();
    }

    private static TransportZone changed(Handle handle, TransportZoneId id, long generation) {
        TransportZoneStore.stamp(handle, id, generation);
        return TransportZone.of(find(handle, id), Spans.hostsOfZone(handle, id));
    }

    private static TransportZoneConfig find(Handle handle, TransportZoneId id) {
        return TransportZoneStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "transport zone", id));
    }
}
