package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.dataplane.DatapathTables;
import org.netweave.hostagent.HostAgent;

/** A host agent restarts (netcpa crash): it resyncs fully and ends with the same tables as before. */
class HostAgentRestartTest {
    @TempDir
    Path dir;
    SeedLab lab;

    @BeforeEach
    void start() throws Exception {
        lab = SeedLab.start(dir, "127.24.0.0");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aRestartedAgentResyncsToTheSameTablesAndForwardingWorksAfter() throws Exception {
        Hypervisor hostA = lab.host(lab.seed.vm1Host());
        // The whole scenario first, the bridge included: the tables compared must be the converged ones.
        lab.awaitBridge();
        await().atMost(SeedLab.CONVERGE).until(() -> hostA.agent().view().controlPlaneInSync());
        List<String> installed = hostA.agent().installed().lines();
        DatapathTables tables = hostA.datapath().tables();
        long generation = hostA.agent().view().appliedGeneration();

        HostAgent restarted = lab.lab.hypervisors().restartAgent(hostA.host().id());

        await().atMost(SeedLab.CONVERGE).until(() -> restarted.view().controlPlaneInSync()
                && restarted.view().appliedGeneration() >= generation);
        assertThat(restarted.installed().lines()).isEqualTo(installed);
        DatapathTables after = hostA.datapath().tables();
        assertThat(after.routers()).isEqualTo(tables.routers());
        assertThat(after.ports()).isEqualTo(tables.ports());
        assertThat(after.switches()).isEqualTo(tables.switches());
        SeedLab.assertAllReplied(lab.ping(lab.vm1, SeedScenario.VM2_IP, 3, Duration.ofMillis(50)), "VM1 -> VM2 after");
    }
}
