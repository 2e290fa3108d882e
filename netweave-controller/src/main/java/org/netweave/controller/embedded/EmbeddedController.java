package org.netweave.controller.embedded;

import java.nio.file.Path;

import org.netweave.controller.ControllerNode;
import org.netweave.controller.status.ControllerStatusService;
import org.netweave.controller.zk.EmbeddedZooKeeperPeer;
import org.netweave.controller.zk.PeerSpec;

/**
 * One controller of an embedded cluster: where it lives, which stays fixed across restarts, and
 * its peer and node while they run. A controller is up when its node runs; its peer may run
 * alone while a restart waits for a majority.
 *
 * <p>The cluster changes the fields under its step lock; other threads read them as volatile.
 */
final class EmbeddedController {
    final PeerSpec spec;
    final int hostPort;
    final Path dir;
    volatile EmbeddedZooKeeperPeer peer;
    volatile ControllerNode node;
    volatile ControllerStatusService status;

    EmbeddedController(PeerSpec spec, int hostPort, Path dir) {
        this.spec = spec;
        this.hostPort = hostPort;
        this.dir = dir;
    }

    boolean isUp() {
        return node != null;
    }

    /** The address hosts use for this controller, fixed for its life so that host lists stay valid. */
    String hostAddress() {
        return spec.host() + ":" + hostPort;
    }

    @Override
    public String toString() {
        return spec.id().value();
    }
}
