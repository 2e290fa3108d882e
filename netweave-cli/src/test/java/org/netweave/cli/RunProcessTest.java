package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netweave run} as its own process: comes up, serves, and stops cleanly on SIGTERM. */
class RunProcessTest {

    @Test
    void sigtermShutsEveryHostDownCleanly(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stderr.log");
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--hosts", "2", "--vxlan-port", "24789", "--health-interval", "PT0.2S"))
                .redirectError(log.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("Netweave data plane is running"));
            assertThat(line).as("the job reported it is running; stderr:%n%s", Files.readString(log)).isNotNull();

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String stderr = Files.readString(log);
        assertThat(stderr).contains("stop requested, shutting down")
                .contains("host host-a down")
                .contains("host host-b down")
                .contains("stopped")
                .doesNotContain("Exception");
        assertThat(p.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(143);
    }
}
