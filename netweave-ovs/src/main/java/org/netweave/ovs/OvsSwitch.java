package org.netweave.ovs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one Open vSwitch instance: the network namespace its ovs-vswitchd runs in (null
 * for the current one), its run directory (database socket, bridge management sockets) and the
 * datapath type of its bridges ({@code netdev}: the userspace datapath, no kernel module).
 */
public record OvsSwitch(String netns, Path runDir, String datapathType) {

    public OvsSwitch {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(datapathType, "datapathType");
    }

    public Path dbSocket() {
        return runDir.resolve("db.sock");
    }

    Exec.Result vsctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ovs-vsctl", "--db=unix:" + dbSocket(), "--timeout=20"));
        cmd.addAll(List.of(args));
        return Exec.run(cmd, env(), null);
    }

    /**
     * ovs-ofctl against a bridge's management socket, OpenFlow 1.3 with 1.4 allowed so that
     * {@code --bundle} (one atomic transaction) is available.
     */
    Exec.Result ofctl(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ovs-ofctl", "-O", "OpenFlow13,OpenFlow14"));
        cmd.addAll(List.of(args));
        return Exec.run(cmd, env(), stdin);
    }

    /** The ports of {@code bridge}, by name. */
    List<String> listPorts(String bridge) {
        return vsctl("list-ports", bridge).orThrow().output().lines().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** ovs-appctl to this instance's ovs-vswitchd (its control socket in the run directory). */
    Exec.Result appctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ovs-appctl", "-t", runDir.resolve("ovs-vswitchd.ctl").toString()));
        cmd.addAll(List.of(args));
        return Exec.run(cmd, env(), null);
    }

    /** A command in the switch's network namespace (where its bridges' devices live). */
    Exec.Result inNamespace(String... command) {
        return Exec.run(Exec.inNetns(netns, List.of(command)));
    }

    /** A command in the switch's namespace with OVS_RUNDIR set, as the daemons are started. */
    Exec.Result inNamespaceWithEnv(List<String> command) {
        return Exec.run(Exec.inNetns(netns, command), env(), null);
    }

    /** ovs-ofctl finds {@code <bridge>.mgmt} in OVS_RUNDIR. */
    private Map<String, String> env() {
        return Map.of("OVS_RUNDIR", runDir.toString());
    }
}
