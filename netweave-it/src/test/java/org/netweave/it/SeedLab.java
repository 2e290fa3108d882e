package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.netweave.cli.Main;
import org.netweave.cli.allinone.AllInOne;
import org.netweave.cli.allinone.AllInOneSettings;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.LabDatapath;
import org.netweave.cli.allinone.OvsHypervisors;
import org.netweave.cli.allinone.SeedScenario;
import org.junit.jupiter.api.Assumptions;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.manager.dlr.ControlVmHaTiming;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The all-in-one with the seed scenario, as the end-to-end tests use it: four hosts in two
 * clusters, three controllers, fast ZooKeeper and control-VM HA timings, and its own loopback
 * range for VTEPs so labs of different test classes never share a socket address.
 */
final class SeedLab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeedLab.class);
    static final Duration CONVERGE = Duration.ofSeconds(30);
    /** Heartbeat 100 ms, dead after 800 ms: a failover in about a second. */
    static final ControlVmHaTiming FAST_HA = new ControlVmHaTiming(Duration.ofMillis(100), Duration.ofMillis(800));

    final AllInOne lab;
    final SeedScenario.Built seed;
    final VmId vm1;
    final VmId vm2;

    record Run(int exit, String out, String err) {
    }

    private SeedLab(AllInOne lab, SeedScenario.Built seed) {
        this.lab = lab;
        this.seed = seed;
        this.vm1 = VmId.of(seed.vm1());
        this.vm2 = VmId.of(seed.vm2());
    }

    /** @param vtepBase 127.x.0.0, distinct per test class */
    static SeedLab start(Path dir, String vtepBase) throws IOException {
        return start(AllInOneSettings.defaults(dir, line -> LOG.info("lab: {}", line)).withApiPort(0)
                .forTests(Ipv4Address.parse(vtepBase), FAST_HA));
    }

    /**
     * The seed scenario on real Open vSwitch, three hosts. Skipped, with the reason printed, where
     * root or Open vSwitch is missing; under NETWEAVE_REQUIRE_ALL_TESTS=1 (CI) that fails instead.
     */
    static SeedLab startOnOvs(Path dir, String testName) throws IOException {
        requireOvs(testName);
        return start(AllInOneSettings.defaults(dir, line -> LOG.info("lab: {}", line)).withApiPort(0).withHosts(3)
                .forTests(Ipv4Address.parse("127.0.0.0"), FAST_HA).withDatapath(LabDatapath.ovs));
    }

    /**
     * Aborts {@code testName}, printing why, where root or Open vSwitch is missing; under
     * NETWEAVE_REQUIRE_ALL_TESTS=1 (CI) fails instead.
     */
    static void requireOvs(String testName) {
        String why = OvsHypervisors.whyUnavailable();
        if (why != null) {
            if ("1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"))) {
                throw new IllegalStateException(testName + " must run here but cannot: " + why);
            }
            System.out.println("SKIPPED " + testName + ": " + why);
            Assumptions.abort(why);
        }
    }

    private static SeedLab start(AllInOneSettings settings) throws IOException {
        AllInOne lab = AllInOne.start(settings);
        try {
            SeedLab seedLab = new SeedLab(lab, lab.buildSeedScenario());
            seedLab.awaitReplies(seedLab.vm1, SeedScenario.VM2_IP);
            return seedLab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Runs a CLI command against this lab's API, in this JVM. */
    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> withApi = new ArrayList<>(List.of(args));
        withApi.add("--api");
        withApi.add(lab.apiUrl());
        int exit = cli.execute(withApi.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    PingResult ping(VmId from, Ipv4Address to, int count, Duration interval) throws InterruptedException {
        return lab.guests().ping(from, to, count, interval, Duration.ofSeconds(2));
    }

    /** Waits until a single ping gets its reply: the hosts have converged on that path. */
    void awaitReplies(VmId from, Ipv4Address to) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> ping(from, to, 1, Duration.ZERO).allReplied());
    }

    /**
     * Waits until the seed's bridge instance runs on exactly one host: the last of the scenario to
     * converge (it follows the active control VM), after the routed path already answers.
     */
    void awaitBridge() {
        await().atMost(CONVERGE).until(() -> hosts().stream().filter(h -> !h.datapath().tables().bridges().isEmpty())
                .count() == 1);
    }

    Hypervisor host(HostId id) {
        return lab.hypervisors().hypervisor(id);
    }

    List<Hypervisor> hosts() {
        return lab.hypervisors().all();
    }

    /** Where {@code host}'s datapath sends frames for {@code mac} on {@code vni}: a VTEP address or a local port. */
    static String macLocation(Hypervisor host, int vni, MacAddress mac) {
        return host.datapath().tables().findLogicalSwitch(vni).map(table -> {
            DatapathTables.MacEntry entry = table.mac(mac);
            return entry == null ? "unknown" : entry.location() + " " + entry.where();
        }).orElse("no switch");
    }

    static void assertAllReplied(PingResult ping, String what) {
        assertThat(ping.received()).as("%s: %d of %d replies", what, ping.received(), ping.sent()).isEqualTo(ping.sent());
    }

    @Override
    public void close() {
        lab.close();
    }
}
