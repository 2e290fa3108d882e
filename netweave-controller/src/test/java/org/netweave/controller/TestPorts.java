package org.netweave.controller;

import java.net.InetAddress;
import java.util.List;

import org.netweave.controller.embedded.FreePorts;

/**
 * Free loopback ports for the ZooKeeper servers tests start themselves. From the fork's own range
 * ({@value FreePorts#RANGE_PROPERTY}, set per surefire fork) when test JVMs run side by side, so two
 * of them never pick the same port between finding it free and binding it.
 */
public final class TestPorts {
    private static final FreePorts PORTS = new FreePorts(InetAddress.getLoopbackAddress());

    private TestPorts() {
    }

    public static List<Integer> take(int count) {
        return PORTS.take(count);
    }
}
