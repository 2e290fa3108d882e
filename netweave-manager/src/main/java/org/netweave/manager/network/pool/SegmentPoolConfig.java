package org.netweave.manager.network.pool;

import org.netweave.model.SegmentPoolId;

/** A segment pool as stored: a named range of VNIs that new logical switches draw from. */
public record SegmentPoolConfig(SegmentPoolId id, String name, VniRange range, long generation) {
}
