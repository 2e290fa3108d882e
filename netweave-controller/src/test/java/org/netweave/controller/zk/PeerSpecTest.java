package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;

class PeerSpecTest {
    private static final ControllerId C1 = ControllerId.of("controller-1");

    @Test
    void serverLineIsTheDynamicConfigForm() {
        PeerSpec peer = new PeerSpec(C1, 1, "192.168.110.201", 2878, 2888, 3888);

        assertThat(peer.serverLine()).isEqualTo("server.1=192.168.110.201:2888:3888:participant;192.168.110.201:2878");
        assertThat(peer.clientAddress()).isEqualTo("192.168.110.201:2878");
    }

    @Test
    void ipv6HostsAreBracketedWhereAPortFollows() {
        PeerSpec peer = new PeerSpec(C1, 7, "fd00::1", 2878, 2888, 3888);

        assertThat(peer.serverLine()).isEqualTo("server.7=[fd00::1]:2888:3888:participant;[fd00::1]:2878");
        assertThat(peer.clientAddress()).isEqualTo("[fd00::1]:2878");
    }

    @Test
    void validationNamesTheField() {
        assertField(() -> new PeerSpec(C1, 0, "10.0.0.1", 2878, 2888, 3888), "serverId");
        assertField(() -> new PeerSpec(C1, 1, "bad host", 2878, 2888, 3888), "host");
        assertField(() -> new PeerSpec(C1, 1, "10.0.0.1;x", 2878, 2888, 3888), "host");
        assertField(() -> new PeerSpec(C1, 1, "10.0.0.1", 0, 2888, 3888), "clientPort");
        assertField(() -> new PeerSpec(C1, 1, "10.0.0.1", 2878, 65_536, 3888), "quorumPort");
        assertField(() -> new PeerSpec(C1, 1, "10.0.0.1", 2878, 2878, 3888), "quorumPort");
        assertField(() -> new PeerSpec(C1, 1, "10.0.0.1", 2878, 2888, 2888), "electionPort");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
