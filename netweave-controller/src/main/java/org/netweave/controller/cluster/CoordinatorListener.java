package org.netweave.controller.cluster;

import org.netweave.controller.slice.SliceAssignment;

/** What the owner side of a node hears from the coordination side. Called on the coordination thread. */
public interface CoordinatorListener {
    /** A role's assignment has a new epoch, or this node's right to act under it changed. */
    void assignmentChanged(SliceAssignment assignment);

    /**
     * The node's link to the ZooKeeper majority came or went. Without it the node is read-only:
     * it must drop host sessions and refuse writes (NSX-V behaviour).
     */
    void majorityChanged(boolean connected);

    /** Another node's acting epoch changed: slices waiting for their handover may be free now. */
    default void handoverProgressed() {
    }
}
