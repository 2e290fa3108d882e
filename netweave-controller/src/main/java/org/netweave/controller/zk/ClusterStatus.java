package org.netweave.controller.zk;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.netweave.model.ControllerId;

/**
 * The answer to NSX's {@code show control-cluster status} and {@code show control-cluster
 * startup-nodes} for one controller, computed by a pure function from what the controller knows.
 *
 * <p>Restart rule: restarting this controller is safe only if the other voting members that are
 * up still form a majority of all members without it. One node is never safe (the cluster stops
 * while it restarts); two nodes are never safe either, since the majority of two is two, which is
 * why NSX wants three.
 *
 * @param joinStatus {@value #JOIN_COMPLETE} once this controller votes, else {@value #JOIN_IN_PROGRESS}
 * @param majorityStatus whether this controller's peer is part of a working majority
 * @param restartStatus whether the cluster keeps its majority while this controller restarts, and why not
 * @param clusterId the cluster's id, or {@value #NO_CLUSTER_ID}
 * @param nodeId this controller
 * @param startupNodes the members' addresses, comma separated, as {@code show control-cluster startup-nodes} prints them
 */
public record ClusterStatus(String joinStatus, String majorityStatus, String restartStatus, String clusterId,
        ControllerId nodeId, String startupNodes) {
    public static final String JOIN_COMPLETE = "Join complete";
    public static final String JOIN_IN_PROGRESS = "Join in progress";
    public static final String MAJORITY_CONNECTED = "Connected to cluster majority";
    public static final String MAJORITY_INTERRUPTED = "Interrupted connection to cluster majority";
    public static final String RESTART_SAFE = "This controller can be safely restarted";
    public static final String RESTART_UNSAFE = "This controller cannot be safely restarted";
    public static final String NO_CLUSTER_ID = "(not assigned)";

    public ClusterStatus {
        Objects.requireNonNull(joinStatus, "joinStatus");
        Objects.requireNonNull(majorityStatus, "majorityStatus");
        Objects.requireNonNull(restartStatus, "restartStatus");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(startupNodes, "startupNodes");
    }

    /**
     * The status of controller {@code self}.
     *
     * @param view the latest membership this controller read (the last known one while it has no majority)
     * @param self this controller's peer
     * @param connectedToMajority whether this controller's peer serves (or its session is connected),
     *     which a ZooKeeper server does only inside a quorum
     * @param servingServerIds the server ids of the members that are up, for example from {@link PeerProbe#serving}
     */
    public static ClusterStatus of(EnsembleView view, PeerSpec self, boolean connectedToMajority,
            Set<Integer> servingServerIds) {
        boolean joined = view.member(self.serverId()).isPresent();
        return new ClusterStatus(
                joined ? JOIN_COMPLETE : JOIN_IN_PROGRESS,
                connectedToMajority ? MAJORITY_CONNECTED : MAJORITY_INTERRUPTED,
                restartStatus(view, self, joined, connectedToMajority, servingServerIds),
                view.clusterId().orElse(NO_CLUSTER_ID),
                self.id(),
                ClusterStatusText.startupNodes(view));
    }

    private static String restartStatus(EnsembleView view, PeerSpec self, boolean joined, boolean connected,
            Set<Integer> serving) {
        int members = view.members().size();
        if (!joined) {
            return RESTART_UNSAFE + ": its join is not complete";
        }
        if (!connected) {
            return RESTART_UNSAFE + ": it is not connected to the cluster majority";
        }
        if (members == 1) {
            return RESTART_UNSAFE + ": it is the only node, so the cluster stops while it restarts";
        }
        if (members == 2) {
            return RESTART_UNSAFE + ": with two nodes the majority is two, so no failure is tolerated";
        }
        Set<Integer> othersUp = new TreeSet<>(serving);
        othersUp.retainAll(view.serverIds());
        othersUp.remove(self.serverId());
        if (othersUp.size() >= view.majority()) {
            return RESTART_SAFE;
        }
        return RESTART_UNSAFE + ": only " + othersUp.size() + " of the other " + (members - 1)
                + " nodes are up and a majority needs " + view.majority() + " of " + members;
    }
}
