package org.netweave.controller.zk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.netweave.model.ControllerId;

/** Shared settings for tests against real embedded ZooKeeper peers on 127.0.0.1. */
final class ZkTestSupport {
    /**
     * One secret for the whole test JVM: ZooKeeper reads the super digest once per JVM, so every
     * test class must use this one.
     */
    static final ZkSuperUser SUPER_USER = ZkSuperUser.generate();

    /** A 200 ms tick: a follower joins within 2 s and drops out after 1 s of silence. */
    static final ZkTuning FAST = ZkTuning.ofTick(Duration.ofMillis(200));

    /** How long admin calls and awaited conditions may take in these tests. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ZkTestSupport() {
    }

    /** Controller {@code controller-n} as ZooKeeper server n, on three free ports of 127.0.0.1. */
    static PeerSpec peer(int n) {
        try (ServerSocket client = openFree(); ServerSocket quorum = openFree(); ServerSocket election = openFree()) {
            return new PeerSpec(ControllerId.of("controller-" + n), n, "127.0.0.1", client.getLocalPort(),
                    quorum.getLocalPort(), election.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Held open together, the three sockets are sure to get three different ports. */
    private static ServerSocket openFree() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
