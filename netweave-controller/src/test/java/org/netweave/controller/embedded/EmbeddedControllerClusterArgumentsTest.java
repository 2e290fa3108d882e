package org.netweave.controller.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.embedded.ClusterChecks.FAST;
import static org.netweave.controller.embedded.ClusterChecks.SESSION_TIMEOUT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.InvalidValueException;

/** What {@link EmbeddedControllerCluster#start} refuses before any peer starts, naming the field. */
@Tag("embedded-zookeeper")
class EmbeddedControllerClusterArgumentsTest {
    @TempDir
    Path dataDir;

    @Test
    void aClusterNeedsAtLeastOneNode() {
        assertThatThrownBy(() -> EmbeddedControllerCluster.start(0, dataDir, FAST, SESSION_TIMEOUT))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("nodes: 0 ");
    }

    @Test
    void theSessionTimeoutMustBeOneThePeersGrant() {
        assertThatThrownBy(() -> EmbeddedControllerCluster.start(1, dataDir, FAST, Duration.ofSeconds(10)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("sessionTimeout: PT10S must lie between PT0.4S and PT4S, "
                        + "the session timeouts the ZooKeeper peers grant");
    }

    @Test
    void aDirectoryHoldingAnEarlierClusterIsRefused() throws Exception {
        Files.createDirectories(dataDir.resolve("controller-1"));

        assertThatThrownBy(() -> EmbeddedControllerCluster.start(1, dataDir, FAST, SESSION_TIMEOUT))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("already holds controllers [controller-1]");
    }
}
