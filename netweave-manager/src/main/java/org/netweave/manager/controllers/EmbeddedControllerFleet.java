package org.netweave.manager.controllers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.netweave.controller.ControllerNode;
import org.netweave.controller.embedded.EmbeddedControllerCluster;
import org.netweave.controller.runtime.ClaimRefusal;
import org.netweave.controller.slice.Role;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.ControllerId;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;

/** Controller nodes with embedded ZooKeeper peers in this JVM, on loopback ports. */
public final class EmbeddedControllerFleet implements ControllerFleet {
    private final EmbeddedControllerCluster cluster;

    private EmbeddedControllerFleet(EmbeddedControllerCluster cluster) {
        this.cluster = cluster;
    }

    /** An empty fleet whose controllers keep their peers' data under {@code dataDir}. */
    public static EmbeddedControllerFleet create(Path dataDir, ZkTuning tuning, Duration sessionTimeout)
            throws IOException {
        return new EmbeddedControllerFleet(EmbeddedControllerCluster.empty(dataDir, tuning, sessionTimeout));
    }

    @Override
    public void secure(Function<ControllerId, TransportSecurity> security, Supplier<PeerGroupTls> zooKeeper)
            throws IOException {
        cluster.secure(security, zooKeeper.get());
    }

    @Override
    public String deploy(ControllerId id) throws Exception {
        return cluster.addNode(id).hostAddress();
    }

    @Override
    public void remove(ControllerId id, boolean force) throws Exception {
        cluster.remove(id, force);
    }

    @Override
    public boolean contains(ControllerId id) {
        return cluster.ids().contains(id);
    }

    @Override
    public List<ControllerId> ids() {
        return cluster.ids();
    }

    @Override
    public Optional<String> address(ControllerId id) {
        int index = cluster.ids().indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(cluster.hostAddresses().get(index));
    }

    @Override
    public Optional<ControllerRuntime> runtime(ControllerId id) {
        if (!contains(id)) {
            return Optional.empty();
        }
        if (!cluster.isUp(id)) {
            return Optional.of(ControllerRuntime.down());
        }
        try {
            ControllerNode node = cluster.node(id);
            ClusterStatus status = cluster.status(id).clusterStatus();
            List<String> masterOf = Arrays.stream(Role.values()).filter(role -> node.coordinator().isMaster(role))
                    .map(Role::cliName).toList();
            Map<String, Integer> assigned = new TreeMap<>();
            for (Role role : List.of(Role.SWITCH_MANAGER, Role.LOGICAL_MANAGER)) {
                assigned.put(role.cliName(), node.coordinator().assignment(role).assignment().slicesOf(id).size());
            }
            return Optional.of(new ControllerRuntime(true, status.joinStatus(), status.majorityStatus(),
                    status.restartStatus(), masterOf, assigned, node.owner().hostSessions(), refused(node)));
        } catch (IllegalStateException stoppedMeanwhile) {
            // Stopped while we asked (its owner thread refuses work once it is shut down).
            return Optional.of(ControllerRuntime.down());
        }
    }

    /** Every reason, counted or not, so a scrape sees a series from zero. */
    private static Map<String, Long> refused(ControllerNode node) {
        Map<ClaimRefusal, Long> counts = node.owner().refusedClaims();
        Map<String, Long> byName = new TreeMap<>();
        for (ClaimRefusal reason : ClaimRefusal.values()) {
            byName.put(reason.cliName(), counts.getOrDefault(reason, 0L));
        }
        return byName;
    }

    @Override
    public Optional<String> show(ControllerId id, String view) {
        if (!contains(id) || !cluster.isUp(id)) {
            return Optional.empty();
        }
        try {
            var status = cluster.status(id);
            return Optional.of(switch (view) {
                case "status" -> status.showStatus();
                case "roles" -> status.showRoles();
                case "startup-nodes" -> status.showStartupNodes();
                default -> throw new IllegalArgumentException(view);
            });
        } catch (IllegalStateException stoppedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public void stop(ControllerId id) {
        cluster.kill(id);
    }

    @Override
    public void restart(ControllerId id) throws Exception {
        cluster.restart(id);
    }

    @Override
    public List<String> addresses() {
        return cluster.hostAddresses();
    }

    /** The cluster itself, for the all-in-one mode's operator commands (stop/start a controller). */
    public EmbeddedControllerCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
