package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code netweave run} in this JVM: the all-in-one with the seed scenario, and its refusals. */
class RunCommandTest {

    @Test
    void runBuildsTheSeedScenarioThroughTheApiAndItsPathsWork(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("run", "--scenario", "seed", "--exit-after-check", "--hosts", "3", "--api-port", "0",
                "--vxlan-port", "14789", "--data-dir", dir.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("controller 3/3 deployed (controller-3)")
                .contains("cluster-1: 2 hosts prepared, VTEPs from 127.0.1.1/24")
                .contains("cluster-2: 1 hosts prepared, VTEPs from 127.0.2.1/24")
                .containsPattern("host-3 +host-c +cluster-2 +127\\.0\\.2\\.1 +02:4e:57:00:00:0[0-9a-f]")
                .containsPattern("  step 1/\\d+ 'receive the call' DONE")
                .containsPattern("  job jobdata-\\d+ \\(DEPLOY_DLR edge-1\\) SUCCEEDED")
                .containsPattern("DLR edge-1 deployed: .*control VMs vm-1, vm-2")
                .contains("bridge br-app: VNI 5001 <-> VLAN 100")
                .containsPattern("VM1 -> VM2 \\(routed by the DLR, seed 001\\) +3/3 replies.*reply TTL 63  OK")
                .containsPattern("VM2 -> physical server .* +3/3 replies.*reply TTL 64  OK")
                .containsPattern("VM1 -> physical server .* +3/3 replies.*reply TTL 63  OK");
        assertThat(dir.resolve("manager/netweave.mv.db")).as("the H2 file store").exists();
    }

    @Test
    void aDataDirWithAnEarlierRunsStoreIsRefusedUnlessReset(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("manager"));
        Files.writeString(dir.resolve("manager/netweave.mv.db"), "an earlier run");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = cli.execute("run", "--exit-after-check", "--api-port", "0", "--data-dir", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("data-dir:").contains("holds an earlier run's store");
        assertThat(dir.resolve("manager/netweave.mv.db")).hasContent("an earlier run");
    }

    @Test
    void badOptionsAreRefusedWithTheFieldNamed() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = cli.execute("run", "--exit-after-check", "--hosts", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("hosts: 1 must be 2-200");
    }
}
