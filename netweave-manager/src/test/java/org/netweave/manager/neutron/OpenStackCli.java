package org.netweave.manager.neutron;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.manager.api.Json;

/**
 * The OpenStack command-line client (Debian python3-openstackclient) against one endpoint, without
 * Keystone: {@code openstack --os-auth-type none --os-endpoint http://127.0.0.1:PORT ...}. Each call
 * is a process of its own (about a second to start).
 */
final class OpenStackCli {
    private static final long TIMEOUT_SECONDS = 60;

    /** What a call printed and how it ended. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private final String endpoint;
    private final Path home;
    private final List<String> auth;

    OpenStackCli(String endpoint, Path home) {
        this(endpoint, home, List.of("--os-auth-type", "none"));
    }

    private OpenStackCli(String endpoint, Path home, List<String> auth) {
        this.endpoint = endpoint;
        this.home = home;
        this.auth = auth;
    }

    /** The same client with a token, as a deployment without Keystone passes one ({@code admin_token}: X-Auth-Token). */
    OpenStackCli withToken(String token) {
        return new OpenStackCli(endpoint, home, List.of("--os-auth-type", "admin_token", "--os-token", token));
    }

    /** Skips the test, saying why, when the client is not installed, unless every test must run (CI). */
    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "openstack"));
        }
        if (!found && "1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"))) {
            throw new IllegalStateException("openstack must be installed here (scripts/install-test-deps) but is not"
                    + " on PATH");
        }
        if (!found) {
            System.err.println("Skipping the OpenStack CLI test: openstack is not on PATH"
                    + " (apt-get install python3-openstackclient, or scripts/install-test-deps as root)");
        }
        assumeTrue(found, "openstack is not on PATH (apt-get install python3-openstackclient)");
    }

    /** Runs {@code openstack <args>}; a non-zero exit is returned, not thrown. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openstack"));
        command.addAll(auth);
        command.addAll(List.of("--os-endpoint", endpoint));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Nothing of the caller's OpenStack set-up (OS_CLOUD, clouds.yaml, a token) may leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
        builder.environment().put("HOME", home.toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and answers JSON ({@code -f json} is added). */
    JsonNode json(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-f", "json"));
        Result result = ok(all.toArray(String[]::new));
        return result.json();
    }

    /** Runs a command that must succeed. */
    Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exit() != 0) {
            throw new AssertionError("openstack " + String.join(" ", args) + " exited " + result.exit() + "\nstdout: "
                    + result.out() + "\nstderr: " + result.err());
        }
        return result;
    }
}
