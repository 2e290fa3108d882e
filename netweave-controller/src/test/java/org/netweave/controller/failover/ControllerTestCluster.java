package org.netweave.controller.failover;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.ControllerNodeConfig;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;

/**
 * Three controller nodes on a real three-server ZooKeeper ensemble, node i talking only to server
 * i, as a controller talks to its own embedded peer. Killing a node kills its server first, so
 * the node cannot say goodbye and the ensemble waits out its session.
 */
final class ControllerTestCluster implements Closeable {
    static final int TICK_MS = 200;
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);

    private final TestingCluster ensemble;
    private final List<InstanceSpec> servers;
    private final ControllerNode[] nodes;

    ControllerTestCluster(int size) throws Exception {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            specs.add(new InstanceSpec(null, -1, -1, -1, true, i, TICK_MS, -1));
        }
        ensemble = new TestingCluster(specs);
        ensemble.start();
        servers = specs;
        nodes = new ControllerNode[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = startNode(i);
        }
    }

    private ControllerNode startNode(int index) throws Exception {
        ControllerNodeConfig config = ControllerNodeConfig.loopback(id(index), servers.get(index).getConnectString(),
                SESSION_TIMEOUT);
        return new ControllerNode(config, Clock.systemUTC()).start();
    }

    static ControllerId id(int index) {
        return ControllerId.of("controller-" + (index + 1));
    }

    ControllerNode node(int index) {
        return nodes[index];
    }

    List<ControllerNode> live() {
        return java.util.Arrays.stream(nodes).filter(java.util.Objects::nonNull).toList();
    }

    List<String> hostAddresses() {
        return live().stream().map(ControllerNode::hostAddress).toList();
    }

    /** The node with the most slices of the two sharding roles. */
    int busiest() {
        var switches = live().getFirst().coordinator().assignment(Role.SWITCH_MANAGER).assignment().sliceCounts();
        var routers = live().getFirst().coordinator().assignment(Role.LOGICAL_MANAGER).assignment().sliceCounts();
        int best = 0;
        int most = -1;
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                int count = switches.getOrDefault(id(i), 0) + routers.getOrDefault(id(i), 0);
                if (count > most) {
                    most = count;
                    best = i;
                }
            }
        }
        return best;
    }

    /** Every live node acts for its slices of both sharding roles, under one epoch per role. */
    boolean settled() {
        for (Role role : List.of(Role.SWITCH_MANAGER, Role.LOGICAL_MANAGER)) {
            var first = live().getFirst().coordinator().assignment(role).assignment();
            if (first.sliceCounts().size() != live().size()) {
                return false;
            }
            for (ControllerNode node : live()) {
                var seen = node.coordinator().assignment(role).assignment();
                if (seen.epoch() != first.epoch() || !node.coordinator().mayAct(seen)) {
                    return false;
                }
            }
        }
        return true;
    }

    RuntimeTablesSnapshot tables() {
        return RuntimeTablesSnapshot.merge(live().stream().map(node -> node.owner().snapshot()).toList());
    }

    void kill(int index) throws Exception {
        ensemble.killServer(servers.get(index));
        nodes[index].crash();
        nodes[index] = null;
    }

    void restart(int index) throws Exception {
        ensemble.restartServer(servers.get(index));
        nodes[index] = startNode(index);
    }

    @Override
    public void close() {
        for (ControllerNode node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        try {
            ensemble.close();
        } catch (Exception e) {
            // The ensemble's temporary directories go with the JVM's temp dir.
        }
    }
}
