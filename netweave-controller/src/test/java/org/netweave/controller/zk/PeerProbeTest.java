package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerProbeTest {
    @Test
    void readsTheModeLineOfASrvrReply() {
        String reply = """
                Zookeeper version: 3.9.5-abc, built on 2025-01-01 00:00 UTC
                Latency min/avg/max: 0/0.0/0
                Received: 3
                Sent: 2
                Connections: 1
                Outstanding: 0
                Zxid: 0x100000004
                Mode: follower
                Node count: 7
                """;

        assertThat(PeerProbe.parseSrvr(reply)).isEqualTo(PeerProbe.Mode.FOLLOWER);
        assertThat(PeerProbe.parseSrvr(reply.replace("follower", "leader"))).isEqualTo(PeerProbe.Mode.LEADER);
    }

    @Test
    void aServerOutsideAQuorumIsNotServing() {
        assertThat(PeerProbe.parseSrvr("This ZooKeeper instance is not currently serving requests\n"))
                .isEqualTo(PeerProbe.Mode.NOT_SERVING);
        assertThat(PeerProbe.Mode.NOT_SERVING.isServing()).isFalse();
        assertThat(PeerProbe.Mode.UNREACHABLE.isServing()).isFalse();
    }
}
