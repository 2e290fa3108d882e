package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

    @Test
    void runBuildsTheSeedTopologyAndItsPathsWork() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("run", "--exit-after-check", "--hosts", "3", "--vxlan-port", "14789");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("host-c      127.0.2.1:14789")
                .contains("(bridge VXLAN 5001 <-> VLAN 100)")
                .containsPattern("VM1 -> VM2 \\(routed by the DLR, seed 001\\) +3/3 replies.*reply TTL 63  OK")
                .containsPattern("VM2 -> physical server .* +3/3 replies.*OK")
                .containsPattern("VM1 -> physical server .* +3/3 replies.*reply TTL 63  OK");
    }

    @Test
    void badOptionsAreRefusedWithTheFieldNamed() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("run", "--exit-after-check", "--hosts", "1");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("hosts: 1 must be at least 2");
    }
}
