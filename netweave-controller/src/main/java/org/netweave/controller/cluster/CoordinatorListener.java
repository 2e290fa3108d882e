package org.netweave.controller.cluster;

import org.netweave.controller.slice.SliceAssignment;

/**
 * What the owner side of a node hears from the coordination side: on the coordination thread or on
 * a Curator event thread, so implementations hand the work to their own thread and return.
 */
public interface CoordinatorListener {
    /** A role's assignment has a new epoch, or this node's right to act under it changed. */
    void assignmentChanged(SliceAssignment assignment);

    /**
     * The node's link to the ZooKeeper majority came or went (SUSPENDED, then RECONNECTED in the
     * same session). Without it the node stops acting at once: it refuses every request and
     * pushes nothing, but keeps its tables and host streams, because a leader election in the
     * ensemble looks the same for a moment and must not cost every host a full resync.
     */
    void majorityChanged(boolean connected);

    /**
     * The session is gone (Curator's LOST: disconnected for a whole session timeout, so the
     * ensemble has given this node's slices away or is about to). The node is read-only: it drops
     * its host sessions and its tables (NSX-V behaviour), and starts afresh when it reconnects.
     */
    default void sessionLost() {
    }

    /** Another node's acting epoch changed: slices waiting for their handover may be free now. */
    default void handoverProgressed() {
    }
}
