package org.netweave.ovs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool (ovs-vsctl, ovs-ofctl, ip) and keeps its output for error messages. */
final class Exec {
    private static final long TIMEOUT_SECONDS = 30;

    record Result(List<String> command, int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        /** @throws OvsCommandException with the command and its output if it failed */
        Result orThrow() {
            if (!ok()) {
                throw new OvsCommandException(String.join(" ", command) + " failed (" + exit + "): " + output.strip());
            }
            return this;
        }
    }

    private Exec() {
    }

    static Result run(List<String> command, Map<String, String> env, String stdin) {
        return run(command, env, stdin, true);
    }

    /** Runs a command whose standard output is data, so its warnings on stderr must stay out of it. */
    static Result stdoutOnly(List<String> command) {
        return run(command, Map.of(), null, false);
    }

    private static Result run(List<String> command, Map<String, String> env, String stdin, boolean withStderr) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (withStderr) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            // Read on another thread, started before stdin is written: a tool that hangs (ovs-ofctl
            // has no timeout of its own), or fills the pipe before reading all its input, is still cut
            // off at the deadline instead of holding the datapath's lock forever.
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            }, Thread::startVirtualThread);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(command, -1, "(timed out after " + TIMEOUT_SECONDS + " s)");
            }
            return new Result(command, p.exitValue(), output.join());
        } catch (IOException e) {
            return new Result(command, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, "interrupted");
        }
    }

    static Result run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /** {@code command} run in network namespace {@code netns} ({@code ip netns exec}); as is when netns is null. */
    static List<String> inNetns(String netns, List<String> command) {
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("ip", "netns", "exec", netns));
        }
        cmd.addAll(command);
        return cmd;
    }
}
