package org.netweave.controller.zk;

import java.time.Duration;
import java.util.List;

import org.netweave.controller.TestPorts;
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
        List<Integer> free = TestPorts.take(3);
        return new PeerSpec(ControllerId.of("controller-" + n), n, "127.0.0.1", free.get(0), free.get(1), free.get(2));
    }
}
