package org.netweave.controller.zk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.netweave.model.ControllerId;

/**
 * The controller cluster as one ZooKeeper server knows it: the membership committed in
 * {@code /zookeeper/config}, with the controller ids and the cluster id that {@link EnsembleAdmin}
 * recorded beside it.
 *
 * <p>{@link #read} asks whichever server the session is connected to and does not sync first, on
 * purpose: through a session on a controller's own peer it shows what that controller knows,
 * which is what its status and its role masters act on.
 *
 * @param configVersion the zxid that committed this membership
 * @param members the voting members, ordered by server id
 * @param clusterId the cluster's id, empty until the first {@link EnsembleAdmin#proposeNode} call
 */
public record EnsembleView(long configVersion, List<PeerSpec> members, Optional<String> clusterId) {
    /** Where Netweave keeps what ZooKeeper's config cannot hold; world-readable, written by the super user only. */
    public static final String CLUSTER_PATH = "/netweave/cluster";
    /** Children named by server id, each holding its controller id. */
    public static final String CONTROLLERS_PATH = CLUSTER_PATH + "/controllers";
    /** A random UUID made when the cluster's first node is recorded, NSX's "Cluster ID". */
    public static final String CLUSTER_ID_PATH = CLUSTER_PATH + "/id";

    public EnsembleView {
        members = new DynamicConfig(configVersion, members).participants();
    }

    /** Reads the membership through {@code zooKeeper} (a Curator client's {@code getZookeeperClient().getZooKeeper()} will do). */
    public static EnsembleView read(ZooKeeper zooKeeper) throws KeeperException, InterruptedException {
        return read(zooKeeper, zooKeeper.getConfig(false, null));
    }

    /**
     * Combines config data the caller already has, such as the new config a {@code reconfig}
     * returns, with the names and cluster id read through {@code zooKeeper}.
     */
    static EnsembleView read(ZooKeeper zooKeeper, byte[] configData) throws KeeperException, InterruptedException {
        Map<Integer, ControllerId> names = ClusterRecords.names(zooKeeper);
        DynamicConfig parsed = DynamicConfig.parse(new String(configData, StandardCharsets.UTF_8),
                serverId -> names.getOrDefault(serverId, ControllerId.of("server-" + serverId)));
        return new EnsembleView(parsed.version(), parsed.participants(), ClusterRecords.clusterId(zooKeeper));
    }

    /** The member with this server id. */
    public Optional<PeerSpec> member(int serverId) {
        return members.stream().filter(peer -> peer.serverId() == serverId).findFirst();
    }

    /** The member with this controller id. */
    public Optional<PeerSpec> member(ControllerId id) {
        return members.stream().filter(peer -> peer.id().equals(id)).findFirst();
    }

    /** The server ids of the voting members. */
    public Set<Integer> serverIds() {
        return new DynamicConfig(configVersion, members).serverIds();
    }

    /** How many voters make a majority: more than half of all members, up or down. */
    public int majority() {
        return members.size() / 2 + 1;
    }

    /** A connect string naming every member, for clients that may use any of them. */
    public String connectString() {
        return String.join(",", members.stream().map(PeerSpec::clientAddress).toList());
    }
}
