package org.netweave.controller.zk;

import static org.awaitility.Awaitility.await;
import static org.netweave.controller.zk.ZkTestSupport.FAST;
import static org.netweave.controller.zk.ZkTestSupport.SUPER_USER;
import static org.netweave.controller.zk.ZkTestSupport.TIMEOUT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Controllers numbered 1, 2, 3 … on 127.0.0.1, each with its own directory under a test's
 * {@code @TempDir}; closes every peer and session it made.
 */
final class TestCluster implements AutoCloseable {
    private final Path root;
    private final Map<Integer, PeerSpec> specs = new TreeMap<>();
    private final Map<Integer, EmbeddedZooKeeperPeer> running = new TreeMap<>();
    private final List<TestClient> clients = new ArrayList<>();

    TestCluster(Path root) {
        this.root = root;
    }

    PeerSpec spec(int n) {
        return specs.computeIfAbsent(n, ZkTestSupport::peer);
    }

    Path dir(int n) {
        return root.resolve("controller-" + n);
    }

    EmbeddedZooKeeperPeer peer(int n) {
        return running.get(n);
    }

    EmbeddedZooKeeperPeer startFirst(int n) throws Exception {
        return track(n, ClusterBootstrap.startFirst(spec(n), dir(n), FAST, SUPER_USER, ZkSecurity.plaintext(), TIMEOUT));
    }

    /** Controller {@code n} joins through the running controllers, as {@link ClusterBootstrap#join} does it. */
    EmbeddedZooKeeperPeer join(int n) throws Exception {
        String runningMembers = running.values().stream().map(EmbeddedZooKeeperPeer::connectString)
                .collect(Collectors.joining(","));
        return track(n, ClusterBootstrap.join(spec(n), runningMembers, dir(n), FAST, SUPER_USER, ZkSecurity.plaintext(), TIMEOUT));
    }

    /** Starts controller {@code n} from its directory with the given bootstrap ensemble. */
    EmbeddedZooKeeperPeer start(int n, List<PeerSpec> ensemble) throws Exception {
        return track(n, EmbeddedZooKeeperPeer.start(spec(n), ensemble, dir(n), FAST, SUPER_USER, ZkSecurity.plaintext()));
    }

    void stop(int n) {
        running.remove(n).close();
    }

    /** The controllers whose peers serve, each asked over its own client port. */
    Set<Integer> serving() {
        return PeerProbe.serving(specs.values(), PeerProbe.DEFAULT_TIMEOUT, ZkSecurity.plaintext());
    }

    /** A fresh session on controller {@code n}'s peer alone. */
    TestClient client(int n) throws Exception {
        TestClient client = TestClient.connect(spec(n));
        clients.add(client);
        return client;
    }

    /** Waits until controller {@code n}'s peer reports exactly {@code members} as the membership. */
    EnsembleView awaitMembers(int n, Integer... members) throws Exception {
        TestClient client = client(n);
        Set<Integer> expected = Set.of(members);
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> client.view().serverIds().equals(expected));
        return client.view();
    }

    private EmbeddedZooKeeperPeer track(int n, EmbeddedZooKeeperPeer peer) {
        running.put(n, peer);
        return peer;
    }

    @Override
    public void close() {
        for (TestClient client : clients) {
            client.close();
        }
        for (EmbeddedZooKeeperPeer peer : running.values()) {
            peer.close();
        }
    }
}
