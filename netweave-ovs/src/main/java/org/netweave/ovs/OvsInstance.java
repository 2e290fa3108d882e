package org.netweave.ovs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private Open vSwitch of one emulated hypervisor: its own ovsdb-server and ovs-vswitchd,
 * started inside the hypervisor's network namespace with every file (database, sockets, pid and
 * log files) in one directory, so several run side by side and none touches a system OVS.
 * Both daemons start with {@code --detach}, which returns only once the daemon is ready; they are
 * stopped through their pid files.
 */
public final class OvsInstance implements AutoCloseable {
    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
    private static final String[] DAEMONS = {"ovs-vswitchd", "ovsdb-server"};

    private final OvsSwitch ovs;

    private OvsInstance(OvsSwitch ovs) {
        this.ovs = ovs;
    }

    /** Why this machine cannot run a private OVS, or null if it can. */
    public static String whyUnavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not running as root (network namespaces and Open vSwitch need CAP_NET_ADMIN)";
        }
        for (String tool : List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl")) {
            if (!Exec.run(List.of(tool, "--version")).ok()) {
                return tool + " is not installed (Debian openvswitch-switch; scripts/install-test-deps installs it)";
            }
        }
        if (!Files.isReadable(Path.of(SCHEMA))) {
            return SCHEMA + " is missing";
        }
        return null;
    }

    /** Starts the daemons in {@code netns} (which must exist), with their files in {@code dir}. */
    public static OvsInstance start(String netns, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OvsCommandException("cannot create " + dir + ": " + e);
        }
        OvsSwitch ovs = new OvsSwitch(netns, dir, "netdev");
        OvsInstance instance = new OvsInstance(ovs);
        try {
            Exec.run(List.of("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA)).orThrow();
            daemon(ovs, "ovsdb-server", dir.resolve("conf.db").toString(), "--remote=punix:" + ovs.dbSocket());
            ovs.vsctl("--no-wait", "init").orThrow();
            daemon(ovs, "ovs-vswitchd", "unix:" + ovs.dbSocket());
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private static void daemon(OvsSwitch ovs, String name, String... args) {
        Path dir = ovs.runDir();
        List<String> cmd = new ArrayList<>(List.of(name));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--pidfile=" + dir.resolve(name + ".pid"), "--unixctl=" + dir.resolve(name + ".ctl"),
                "--log-file=" + dir.resolve(name + ".log"), "--no-chdir", "--detach"));
        ovs.inNamespaceWithEnv(cmd).orThrow();
    }

    public OvsSwitch ovs() {
        return ovs;
    }

    /** Stops both daemons (by the pids in their pid files) and waits until they are gone. */
    @Override
    public void close() {
        for (String name : DAEMONS) {
            Path pidFile = ovs.runDir().resolve(name + ".pid");
            try {
                if (!Files.exists(pidFile)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        p.destroyForcibly();
                    }
                });
            } catch (IOException | NumberFormatException e) {
                // A daemon that never wrote its pid file never started; nothing to stop.
            }
        }
    }
}
