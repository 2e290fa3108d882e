package org.netweave.manager.network.pool;

import java.util.List;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.SegmentPoolId;

/** Reads of segment pools. */
public final class SegmentPoolService {
    private final Store store;

    public SegmentPoolService(Store store) {
        this.store = store;
    }

    public List<SegmentPool> list() {
        return store.read(handle -> SegmentPoolStore.list(handle).stream()
                .map(pool -> SegmentPool.of(pool, SegmentPoolStore.countSwitchesIn(handle, pool.range())))
                .toList());
    }

    public SegmentPool get(SegmentPoolId id) {
        return store.read(handle -> SegmentPoolStore.get(handle, id)
                .map(pool -> SegmentPool.of(pool, SegmentPoolStore.countSwitchesIn(handle, pool.range())))
                .orElseThrow(() -> ApiException.notFound("id", "segment pool", id)));
    }

    /** The pools as stored, lowest range first. */
    public List<SegmentPoolConfig> configs() {
        return store.read(SegmentPoolStore::list);
    }
}
