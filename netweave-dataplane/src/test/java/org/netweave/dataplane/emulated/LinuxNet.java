package org.netweave.dataplane.emulated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ip} (iproute2) and friends for tests that build real Linux network namespaces,
 * veth pairs and kernel VXLAN devices. Every command's output is kept for failure messages.
 */
final class LinuxNet {
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private LinuxNet() {
    }

    static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + ": timed out");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs a command and fails with its output if it does not succeed. */
    static String must(String... command) {
        Result r = run(command);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r.output();
    }

    static String[] inNetns(String netns, String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }

    /**
     * Skips the calling test with a printed reason if {@code why} is not null — unless the
     * environment says every test must run ({@code NETWEAVE_REQUIRE_ALL_TESTS=1}, as CI sets it),
     * in which case the missing capability fails the test.
     */
    static void requireOrSkip(String test, String why) {
        if (why == null) {
            return;
        }
        if ("1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"))) {
            throw new IllegalStateException(test + " must run here but cannot: " + why);
        }
        System.out.println("SKIPPED " + test + ": " + why);
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    /**
     * Why namespace tests cannot run here, or null if they can: they need root, iproute2, ping,
     * and a kernel that lets us create a namespace with a VXLAN device.
     */
    static String whyUnavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not running as root (network namespaces and VXLAN devices need CAP_NET_ADMIN)";
        }
        if (!run("ip", "-V").ok()) {
            return "iproute2 ('ip') is not installed; scripts/install-test-deps installs it";
        }
        if (!run("ping", "-V").ok()) {
            return "ping (iputils-ping) is not installed; scripts/install-test-deps installs it";
        }
        String probe = "nw-probe-" + ProcessHandle.current().pid();
        Result add = run("ip", "netns", "add", probe);
        if (!add.ok()) {
            return "cannot create a network namespace: " + add.output().strip();
        }
        try {
            Result vx = run(inNetns(probe, "ip", "link", "add", "vxprobe", "type", "vxlan", "id", "42", "dstport", "4789"));
            return vx.ok() ? null : "the kernel refuses VXLAN devices: " + vx.output().strip();
        } finally {
            run("ip", "netns", "del", probe);
        }
    }
}
