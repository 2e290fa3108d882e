package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;

class DynamicConfigTest {
    private static ControllerId name(int serverId) {
        return ControllerId.of("controller-" + serverId);
    }

    @Test
    void parsesZooKeeperConfigNodeWithItsHexVersion() {
        String data = """
                server.2=127.0.0.1:4002:5002:participant;127.0.0.1:3002
                server.1=127.0.0.1:4001:5001:participant;127.0.0.1:3001
                version=100000003""";

        DynamicConfig config = DynamicConfig.parse(data, DynamicConfigTest::name);

        assertThat(config.version()).isEqualTo(0x1_0000_0003L);
        assertThat(config.participants()).containsExactly(
                new PeerSpec(name(1), 1, "127.0.0.1", 3001, 4001, 5001),
                new PeerSpec(name(2), 2, "127.0.0.1", 3002, 4002, 5002));
    }

    @Test
    void renderThenParseGivesTheSameMembersWithoutAVersionLine() {
        List<PeerSpec> members = List.of(
                new PeerSpec(name(3), 3, "fd00::3", 2878, 2888, 3888),
                new PeerSpec(name(1), 1, "controller-1.lab", 2878, 2888, 3888));
        DynamicConfig config = new DynamicConfig(0, members);

        assertThat(config.render()).isEqualTo("""
                server.1=controller-1.lab:2888:3888:participant;controller-1.lab:2878
                server.3=[fd00::3]:2888:3888:participant;[fd00::3]:2878
                """);
        assertThat(DynamicConfig.parse(config.render(), DynamicConfigTest::name)).isEqualTo(config);
    }

    @Test
    void skipsObserversAndAcceptsAPortOnlyClientPart() {
        String data = """
                server.1=10.0.0.1:2888:3888:participant;2878
                server.4=10.0.0.4:2888:3888:observer;10.0.0.4:2878
                """;

        DynamicConfig config = DynamicConfig.parse(data, DynamicConfigTest::name);

        assertThat(config.participants()).containsExactly(new PeerSpec(name(1), 1, "10.0.0.1", 2878, 2888, 3888));
        assertThat(config.serverIds()).containsExactly(1);
    }

    @Test
    void rejectsFormsNetweaveNeverWrites() {
        assertThatThrownBy(() -> DynamicConfig.parse("server.1=10.0.0.1:2888:3888|10.0.1.1:2888:3888;2878",
                DynamicConfigTest::name)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Multi-address");
        assertThatThrownBy(() -> DynamicConfig.parse("group.1=1:2:3", DynamicConfigTest::name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.1");
    }
}
