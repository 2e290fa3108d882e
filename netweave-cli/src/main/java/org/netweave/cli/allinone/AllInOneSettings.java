package org.netweave.cli.allinone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.dlr.ControlVmHaTiming;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * How the all-in-one runs.
 *
 * @param dataDir     the manager's H2 file and the controllers' ZooKeeper data live here
 * @param apiPort     the REST API's port on 127.0.0.1; 0 picks a free one
 * @param hosts       emulated hosts, split into two clusters (the first gets the odd one)
 * @param vxlanPort   the VXLAN UDP port every VTEP uses
 * @param vtepBase    cluster c's VTEP pool is base + c.1–c.200 (/24); the physical switch is base + 0.254.
 *                    Tests give each lab its own base so labs never share a socket address.
 * @param zkTuning    the controllers' ZooKeeper peers
 * @param zkSession   the controllers' ZooKeeper session timeout: how long a crashed node keeps its slices
 * @param controlVmHa the DLR control VMs' heartbeat and dead time
 * @param progress    where each step of starting and of the scenario is told, one line each
 * @param datapath    the hypervisors' datapath backend
 * @param apiAuth     bearer tokens on the manager's API (the default); off only with --insecure-no-auth
 */
public record AllInOneSettings(Path dataDir, int apiPort, int hosts, int vxlanPort, Ipv4Address vtepBase,
                               ZkTuning zkTuning, Duration zkSession, ControlVmHaTiming controlVmHa,
                               Consumer<String> progress, LabDatapath datapath, boolean apiAuth) {
    public static final Ipv4Address DEFAULT_VTEP_BASE = LabDatapath.emulated.defaultVtepBase();

    public AllInOneSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(vtepBase, "vtepBase");
        Objects.requireNonNull(zkTuning, "zkTuning");
        Objects.requireNonNull(zkSession, "zkSession");
        Objects.requireNonNull(controlVmHa, "controlVmHa");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(datapath, "datapath");
        if (hosts < 2 || hosts > 200) {
            throw new InvalidValueException("hosts", hosts, "must be 2-200 (VM1 and VM2 run on different hosts)");
        }
        if (apiPort < 0 || apiPort > 65_535) {
            throw new InvalidValueException("api-port", apiPort, "must be 0-65535");
        }
        if (vxlanPort < 1 || vxlanPort > 65_535) {
            throw new InvalidValueException("vxlan-port", vxlanPort, "must be 1-65535");
        }
        if ((vtepBase.value() & 0xFFFF) != 0) {
            throw new InvalidValueException("vtepBase", vtepBase, "must be an x.y.0.0 address");
        }
        boolean loopback = (vtepBase.value() >>> 24) == 127;
        if (datapath == LabDatapath.emulated && !loopback) {
            throw new InvalidValueException("vtepBase", vtepBase, "must be a 127.x.0.0 address: emulated VTEPs live on loopback");
        }
        if (datapath == LabDatapath.ovs && loopback) {
            throw new InvalidValueException("vtepBase", vtepBase,
                    "must not be on loopback: ovs VTEPs live on the lab's namespaces' links, where 127/8 is not routed");
        }
    }

    /** NSX's timings (3 s heartbeat, 15 s dead time), ZooKeeper ticks of 500 ms and 4 s sessions. */
    public static AllInOneSettings defaults(Path dataDir, Consumer<String> progress) {
        return new AllInOneSettings(dataDir, 8080, 4, 4789, DEFAULT_VTEP_BASE, ZkTuning.ofTick(Duration.ofMillis(500)),
                Duration.ofSeconds(4), ControlVmHaTiming.NSX_DEFAULTS, progress, LabDatapath.emulated, true);
    }

    public AllInOneSettings withApiPort(int port) {
        return new AllInOneSettings(dataDir, port, hosts, vxlanPort, vtepBase, zkTuning, zkSession, controlVmHa, progress, datapath, apiAuth);
    }

    public AllInOneSettings withHosts(int count) {
        return new AllInOneSettings(dataDir, apiPort, count, vxlanPort, vtepBase, zkTuning, zkSession, controlVmHa, progress, datapath, apiAuth);
    }

    public AllInOneSettings withVxlanPort(int port) {
        return new AllInOneSettings(dataDir, apiPort, hosts, port, vtepBase, zkTuning, zkSession, controlVmHa, progress, datapath, apiAuth);
    }

    /** Fast timings for tests: ZooKeeper ticks of 200 ms with 2 s sessions, and the given HA timing. */
    public AllInOneSettings forTests(Ipv4Address base, ControlVmHaTiming ha) {
        return new AllInOneSettings(dataDir, apiPort, hosts, vxlanPort, base, ZkTuning.ofTick(Duration.ofMillis(200)),
                Duration.ofSeconds(2), ha, progress, datapath, apiAuth);
    }

    /** On {@code backend}, with its default VTEP range. */
    public AllInOneSettings withDatapath(LabDatapath backend) {
        return new AllInOneSettings(dataDir, apiPort, hosts, vxlanPort, backend.defaultVtepBase(), zkTuning, zkSession,
                controlVmHa, progress, backend, apiAuth);
    }

    /** The manager's API without authentication: explicit lab use only (--insecure-no-auth). */
    public AllInOneSettings withoutApiAuth() {
        return new AllInOneSettings(dataDir, apiPort, hosts, vxlanPort, vtepBase, zkTuning, zkSession, controlVmHa,
                progress, datapath, false);
    }

    /** The number of hosts in cluster {@code c} (1 or 2). */
    int hostsIn(int cluster) {
        int first = (hosts + 1) / 2;
        return cluster == 1 ? first : hosts - first;
    }

    /** base + c.n */
    Ipv4Address vtepAddress(int cluster, int n) {
        return Ipv4Address.of(vtepBase.value() + (cluster << 8) + n);
    }
}
