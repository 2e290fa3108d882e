package org.netweave.controller.slice;

import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/**
 * The fixed slice space of a role: objects hash into {@code size} slices and the role master
 * assigns slices, not objects, to nodes (the "range of index values" of Nicira's controller
 * assignment list).
 *
 * <p>{@link #DEFAULT_SIZE} is 256. The number trades three things. Balance: the master keeps the
 * slice counts of any two nodes within one, so with 3 nodes the owned share differs by at most
 * 1/256 of the space. Movement granularity: losing one of three nodes moves about 85 slices,
 * so the survivors each take half of the lost work, not all of it. Size: the assignment is one
 * znode of 256 owner entries, a few kilobytes, far below ZooKeeper's 1 MB {@code jute.maxbuffer},
 * and cheap to push to every host. It also caps a role at 256 nodes, far above NSX-V's three.
 * The size is fixed for the life of a cluster because changing it rehashes every object.
 */
public record SliceSpace(int size) {
    public static final int DEFAULT_SIZE = 256;
    public static final SliceSpace DEFAULT = new SliceSpace(DEFAULT_SIZE);

    public SliceSpace {
        if (size < 1 || size > 65_536) {
            throw new IllegalArgumentException("slice space size " + size + " is outside 1-65536");
        }
    }

    public int sliceOf(Vni vni) {
        return Math.floorMod(mix(vni.value()), size);
    }

    /** String.hashCode is specified by the JLS, so every JVM and every host computes the same slice. */
    public int sliceOf(DlrId dlr) {
        return Math.floorMod(mix(dlr.value().hashCode()), size);
    }

    /**
     * MurmurHash3's finaliser: consecutive VNIs (5000, 5001, ...) would otherwise fill
     * consecutive slices, and a tenant's block of switches would land on one node.
     */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
