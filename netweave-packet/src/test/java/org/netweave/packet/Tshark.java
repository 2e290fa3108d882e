package org.netweave.packet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's tshark on a capture and returns its field output, so tests check our bytes
 * against an independent dissector. Tests that need it are skipped, with the reason printed,
 * where tshark is not installed; the project's test script installs it.
 */
final class Tshark {
    /** Separates the occurrences of a field that appears more than once (outer and inner headers). */
    static final String OCCURRENCES = "|";
    private static final long TIMEOUT_SECONDS = 60;

    private Tshark() {
    }

    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "tshark"));
        }
        if (!found && "1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"))) {
            // CI sets this: there a missing tshark is a broken set-up, not a reason to skip.
            throw new IllegalStateException("tshark must be installed here (scripts/install-test-deps) but is not on PATH");
        }
        if (!found) {
            System.err.println("Skipping tshark test: tshark is not on PATH (apt-get install tshark)");
        }
        assumeTrue(found, "tshark is not on PATH (apt-get install tshark)");
    }

    /**
     * One line per frame: the given fields, comma-separated, with checksum validation on for
     * IPv4, UDP and TCP (tshark checks ICMP's by default).
     */
    static List<String> fields(Path pcap, String... fields) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-T", "fields", "-E", "separator=,", "-E",
                "aggregator=" + OCCURRENCES));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Path err = Files.createTempFile("tshark", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tshark did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("tshark exited " + p.exitValue() + ": " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
