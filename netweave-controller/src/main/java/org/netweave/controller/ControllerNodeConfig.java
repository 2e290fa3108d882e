package org.netweave.controller;

import java.time.Duration;

import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkSecurity;
import org.netweave.model.ControllerId;
import org.netweave.pki.TransportSecurity;

/**
 * How to run one controller node.
 *
 * @param hostFacingHost  the address the host-facing gRPC service binds to and advertises
 * @param hostFacingPort  its port; 0 picks a free one
 * @param zkConnectString the ZooKeeper ensemble; a node with an embedded peer uses that peer's
 *                        client address, so that losing the node's peer is losing the node
 * @param sessionTimeout  the ZooKeeper session timeout: how long a crashed node keeps its slices
 * @param healthInterval  how often the node checks that hosts can reach its host-facing service
 * @param claimGrace      how long a host's claim may stay refused before it is counted and logged:
 *                        the placement that admits it may still be on its way from the manager
 * @param security        the host-facing service's transport: mutual TLS under the manager's
 *                        authority, plaintext only for tests of controllers alone
 * @param zooKeeper       how the node's ZooKeeper session is protected; it must match the peers'
 */
public record ControllerNodeConfig(ControllerId id, String hostFacingHost, int hostFacingPort, String zkConnectString,
                                   Duration sessionTimeout, Duration healthInterval, SliceSpace space,
                                   Duration claimGrace, TransportSecurity security, ZkSecurity zooKeeper) {
    /** Far longer than the manager takes to place what it configured, even with thousands of switches. */
    public static final Duration CLAIM_GRACE = Duration.ofSeconds(3);

    /** Plaintext, with the default grace: for tests of controllers alone. */
    public ControllerNodeConfig(ControllerId id, String hostFacingHost, int hostFacingPort, String zkConnectString,
                                Duration sessionTimeout, Duration healthInterval, SliceSpace space) {
        this(id, hostFacingHost, hostFacingPort, zkConnectString, sessionTimeout, healthInterval, space, CLAIM_GRACE,
                TransportSecurity.plaintext(), ZkSecurity.plaintext());
    }

    public static ControllerNodeConfig loopback(ControllerId id, String zkConnectString, Duration sessionTimeout) {
        return new ControllerNodeConfig(id, "127.0.0.1", 0, zkConnectString, sessionTimeout, Duration.ofMillis(200),
                SliceSpace.DEFAULT);
    }
}
