package org.netweave.manager.network.pool;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.store.Store;
import org.netweave.model.SegmentPoolId;

/** Creates and deletes segment pools; every check runs inside the write that would change them. */
public final class SegmentPoolAdminService {
    private final Store store;

    public SegmentPoolAdminService(Store store) {
        this.store = store;
    }

    public SegmentPool create(SegmentPoolRequest request) {
        return store.write((handle, generation) -> {
            String name = Fields.name("name", request.name(), Fields.MAX_NAME);
            VniRange range = SegmentPoolRules.range(request.begin(), request.end());
            SegmentPoolStore.idByName(handle, name).ifPresent(other -> {
                throw ApiException.conflict("name", "segment pool " + other + " is already named '" + name + "'");
            });
            SegmentPoolRules.checkNoOverlap(range, SegmentPoolStore.list(handle));
            var pool = new SegmentPoolConfig(SegmentPoolId.of(Store.nextId(handle, "segmentpool", "-")), name, range,
                    generation);
            SegmentPoolStore.insert(handle, pool);
            return SegmentPool.of(pool, SegmentPoolStore.countSwitchesIn(handle, range));
        }).value();
    }

    public NetworkDeletion delete(SegmentPoolId id) {
        return store.write((handle, generation) -> {
            var pool = SegmentPoolStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "segment pool", id));
            SegmentPoolRules.checkDeletable(pool, SegmentPoolStore.switchesIn(handle, pool.range()));
            SegmentPoolStore.delete(handle, id);
            return new NetworkDeletion(id.value(), generation);
        }).value();
    }
}
