package org.netweave.controlvm;

import java.time.Duration;

import org.netweave.proto.manager.v1.ControlVmConfig;

/**
 * The HA part of a configuration: the peer's heartbeat address and VM id, and the timing. Without a
 * peer the DLR has no HA pair and the manager's {@code active} flag alone decides.
 */
record HaSettings(String peerAddress, String peerVmId, Duration interval, Duration deadTime) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    static final Duration DEFAULT_DEAD_TIME = Duration.ofSeconds(15);

    static HaSettings of(ControlVmConfig config) {
        return new HaSettings(config.getPeerHaAddress(), config.getPeerVmId(),
                config.getHeartbeatIntervalMs() == 0 ? DEFAULT_INTERVAL : Duration.ofMillis(config.getHeartbeatIntervalMs()),
                config.getDeadTimeMs() == 0 ? DEFAULT_DEAD_TIME : Duration.ofMillis(config.getDeadTimeMs()));
    }

    boolean paired() {
        return !peerAddress.isEmpty();
    }
}
