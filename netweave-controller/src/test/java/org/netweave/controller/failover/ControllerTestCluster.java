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
import org.netweave.controller.TestPorts;
import org.netweave.controller.owner.OwnershipEvent;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.controller.zk.ZkSecurity;
import org.netweave.pki.TransportSecurity;

/**
 * Three controller nodes on a real three-server ZooKeeper ensemble, node i talking only to server
 * i, as a controller talks to its own embedded peer. Killing a node kills its server first, so
 * the node cannot say goodbye and the ensemble waits out its session. Each node reaches its
 * server through a {@link CuttableLink}, so a test can also cut a node off from ZooKeeper while
 * both keep running.
 */
final class ControllerTestCluster implements Closeable {
    static final int TICK_MS = 200;
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Shorter than a real controller's, so that counting a refused claim does not keep the tests
     * waiting; still far longer than a placement takes to arrive from a test on loopback.
     */
    static final Duration CLAIM_GRACE = Duration.ofSeconds(1);

    private final TestingCluster ensemble;
    private final List<InstanceSpec> servers;
    private final ControllerNode[] nodes;
    private final int[] ports;
    private final CuttableLink[] links;
    private final List<ControllerNode> everStarted = new ArrayList<>();
    private final java.util.Map<ControllerId, Long> crashes = new java.util.HashMap<>();

    ControllerTestCluster(int size) throws Exception {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            List<Integer> free = TestPorts.take(3);
            specs.add(new InstanceSpec(null, free.get(0), free.get(1), free.get(2), true, i, TICK_MS, -1));
        }
        ensemble = new TestingCluster(specs);
        ensemble.start();
        servers = specs;
        nodes = new ControllerNode[size];
        ports = new int[size];
        links = new CuttableLink[size];
        for (int i = 0; i < size; i++) {
            links[i] = new CuttableLink(specs.get(i).getPort());
            nodes[i] = startNode(i);
        }
    }

    private ControllerNode startNode(int index) throws Exception {
        ControllerNodeConfig config = new ControllerNodeConfig(id(index), "127.0.0.1", ports[index],
                links[index].connectString(), SESSION_TIMEOUT, Duration.ofMillis(100), SliceSpace.DEFAULT, CLAIM_GRACE,
                TransportSecurity.plaintext(), ZkSecurity.plaintext());
        ControllerNode node = new ControllerNode(config, Clock.systemUTC()).start();
        // A restarted node comes back on the same port, as a controller VM keeps its address.
        ports[index] = Integer.parseInt(node.hostAddress().substring(node.hostAddress().lastIndexOf(':') + 1));
        everStarted.add(node);
        return node;
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

    /** The ownership history of every node this cluster ever ran, crashed ones included. */
    List<OwnershipEvent> ownershipEvents() {
        return everStarted.stream().flatMap(node -> node.owner().ownershipEvents().stream()).toList();
    }

    RuntimeTablesSnapshot tables() {
        return RuntimeTablesSnapshot.merge(live().stream().map(node -> node.owner().snapshot()).toList());
    }

    /** When each killed node vanished: it stopped acting then without recording a release. */
    java.util.Map<ControllerId, Long> crashes() {
        return java.util.Map.copyOf(crashes);
    }

    void kill(int index) throws Exception {
        crashes.put(id(index), System.nanoTime());
        ensemble.killServer(servers.get(index));
        nodes[index].crash();
        nodes[index] = null;
    }

    /** The network between node {@code index} and its ZooKeeper server fails; both keep running. */
    void cutFromZooKeeper(int index) {
        links[index].cut();
    }

    void reconnectToZooKeeper(int index) {
        links[index].heal();
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
        for (CuttableLink link : links) {
            link.close();
        }
        try {
            ensemble.close();
        } catch (Exception e) {
            // The ensemble's temporary directories go with the JVM's temp dir.
        }
    }
}
