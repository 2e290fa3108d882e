package org.netweave.ovs;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A capture in one of the lab's namespaces (the underlay bridge, a VM's eth0) with dumpcap (Wireshark's capture engine, which writes
 * out everything it has when stopped), read back with tshark's dissectors (VXLAN on UDP 4789 is
 * decoded by default, so inner and outer headers are both fields).
 */
final class UnderlayCapture implements AutoCloseable {
    /** Separates a field's occurrences: the outer header's first, then the inner one's. */
    static final String OCCURRENCES = "|";
    private final Path pcap;
    private final Process process;

    private UnderlayCapture(Path pcap, Process process) {
        this.pcap = pcap;
        this.process = process;
    }

    static String whyUnavailable() {
        return Net.run("tshark", "--version").ok() && Net.run("dumpcap", "--version").ok() ? null : "tshark is not installed; scripts/install-test-deps installs it";
    }

    /** Starts capturing and returns once dumpcap reports that it captures. */
    static UnderlayCapture start(String netns, String device, Path dir) throws IOException {
        Path pcap = Files.createTempFile(dir, "underlay", ".pcap");
        Path log = Files.createTempFile(dir, "tshark", ".log");
        Process p = new ProcessBuilder(Net.inNetns(netns, "dumpcap", "-i", device, "-w", pcap.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        UnderlayCapture capture = new UnderlayCapture(pcap, p);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !p.isAlive() || Files.readString(log).contains("Capturing on"));
            if (!p.isAlive()) {
                throw new IOException("dumpcap exited: " + Files.readString(log));
            }
        } catch (RuntimeException | IOException e) {
            capture.close();
            throw e;
        }
        return capture;
    }

    /** Stops the capture; dumpcap writes out what it has on SIGTERM. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until at least {@code frames} frames match the filter (dumpcap writes frames out as
     * it goes, though not at once), stops the capture and returns their fields, one line per
     * frame, comma-separated.
     */
    List<String> awaitFields(int frames, String displayFilter, String... fields) {
        await().atMost(Duration.ofSeconds(10)).until(() -> read(false, displayFilter, fields).size() >= frames);
        return fields(displayFilter, fields);
    }

    /** Stops the capture and returns the fields of every frame that matches the filter. */
    List<String> fields(String displayFilter, String... fields) {
        close();
        return read(true, displayFilter, fields);
    }

    private List<String> read(boolean complete, String displayFilter, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-Y", displayFilter, "-T", "fields",
                "-E", "separator=,", "-E", "aggregator=" + OCCURRENCES));
        for (String f : fields) {
            cmd.addAll(List.of("-e", f));
        }
        Exec.Result r = Exec.stdoutOnly(cmd);
        if (complete) {
            r.orThrow();
        }
        // While dumpcap still writes, the last frame may be cut short; tshark then complains but
        // has printed the frames before it.
        return r.output().lines().filter(l -> !l.isBlank()).toList();
    }
}
